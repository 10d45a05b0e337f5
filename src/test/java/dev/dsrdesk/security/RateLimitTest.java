package dev.dsrdesk.security;

import static dev.dsrdesk.support.ClientAddress.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.ReconfiguredDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Public endpoints answer 429 with Retry-After beyond the configured use per address (3 intakes, 2 link guesses) and per email (2). */
@ReconfiguredDeskTest
class RateLimitTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;

    @Test
    void oneAddressMayNotFloodTheIntake() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(intake(DeskDriver.uniqueEmail()).with(from("10.0.0.1"))).andExpect(status().isCreated());
        }
        long stored = jdbc.queryForObject("select count(*) from data_subject_request", Long.class);

        mvc.perform(intake(DeskDriver.uniqueEmail()).with(from("10.0.0.1")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
        assertThat(jdbc.queryForObject("select count(*) from data_subject_request", Long.class)).isEqualTo(stored);
        mvc.perform(intake(DeskDriver.uniqueEmail()).with(from("10.0.0.2"))).andExpect(status().isCreated());
        // operators entering letters and calls are not counted
        mvc.perform(intake(DeskDriver.uniqueEmail()).with(from("10.0.0.1")).with(httpBasic("operator", "demo")))
                .andExpect(status().isCreated());
    }

    @Test
    void oneEmailMayNotBeFloodedWithRequestsFromManyAddresses() throws Exception {
        String email = DeskDriver.uniqueEmail();
        mvc.perform(intake(email).with(from("10.1.0.1"))).andExpect(status().isCreated());
        mvc.perform(intake(email).with(from("10.1.0.2"))).andExpect(status().isCreated());
        mvc.perform(intake(email).with(from("10.1.0.3")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
    }

    @Test
    void thePublicFormSaysSoTooAndStoresNothing() throws Exception {
        String email = DeskDriver.uniqueEmail();
        for (int i = 0; i < 2; i++) {
            mvc.perform(form(email).with(from("10.3.0." + i))).andExpect(status().is3xxRedirection());
        }
        mvc.perform(form(email).with(from("10.3.0.9")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Too many requests for this email address")));
    }

    private static MockHttpServletRequestBuilder form(String email) {
        return post("/requests").with(csrf()).param("type", "ERASURE").param("fullName", "Grace Hopper")
                .param("email", email).param("country", "IT");
    }

    @Test
    void guessingLinksIsSlowedDown() throws Exception {
        mvc.perform(get("/verify").param("token", "guess-1").with(from("10.2.0.1"))).andExpect(status().isBadRequest());
        mvc.perform(get("/download").param("token", "guess-2").with(from("10.2.0.1"))).andExpect(status().isBadRequest());
        mvc.perform(get("/verify").param("token", "guess-3").with(from("10.2.0.1")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
    }

    private static MockHttpServletRequestBuilder intake(String email) {
        return post("/api/requests").contentType(MediaType.APPLICATION_JSON).content("""
                {"type":"ACCESS","fullName":"Grace Hopper","email":"%s","country":"IT"}""".formatted(email));
    }
}
