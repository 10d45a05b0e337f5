package dev.dsrdesk.verification;

import dev.dsrdesk.security.TokenSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@DeskTest
class VerificationPageTest {

    @Autowired MockMvc mvc;
    @Autowired DeskDriver desk;
    @Autowired JdbcTemplate jdbc;

    @Test
    void openingTheLinkOnlyAsksAndPressingConfirmVerifies() throws Exception {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.awaitingVerification("ACCESS", email);
        String mail = desk.lastMailTo(email, "confirm");
        assertThat(mail).containsOnlyOnce("http://localhost:8080/verify?token=");
        String secret = desk.verificationSecretIn(mail);

        // a mail scanner prefetching the link verifies nothing
        mvc.perform(get("/verify").param("token", secret))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Confirm my request")))
                .andExpect(content().string(Matchers.containsString("You are confirming request " + request.getReference()
                        + ": “Access my data”")));
        mvc.perform(get("/verify").param("token", secret)).andExpect(status().isOk());
        assertThat(desk.statusOf(request.getReference())).isEqualTo("AWAITING_VERIFICATION");

        mvc.perform(post("/verify").param("token", secret).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(request.getReference())));
        assertThat(desk.statusOf(request.getReference())).isEqualTo("IN_TRIAGE");
        assertThat(desk.taskOf(request.getReference(), "Task_TriageRequest")).isNotNull();
    }

    @Test
    void backAfterConfirmingSaysTheRequestIsAlreadyConfirmed() throws Exception {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.awaitingVerification("ERASURE", email);
        String secret = desk.latestVerificationSecret(email);
        mvc.perform(post("/verify").param("token", secret).with(csrf())).andExpect(status().isOk());

        mvc.perform(get("/verify").param("token", secret))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Already confirmed")))
                .andExpect(content().string(Matchers.containsString(request.getReference())))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Confirm my request"))));
        mvc.perform(post("/verify").param("token", secret).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Already confirmed")));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where reference = ? and event_type = 'VERIFIED'",
                Integer.class, request.getReference())).as("confirmed once").isEqualTo(1);
    }

    @Test
    void anExpiredLinkGetsAClearPageAndVerifiesNothing() throws Exception {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.awaitingVerification("ACCESS", email);
        String secret = desk.latestVerificationSecret(email);
        jdbc.update("update verification_token set expires_at = created_at where request_id = ?", request.getId());

        mvc.perform(post("/verify").param("token", secret).with(csrf()))
                .andExpect(status().isGone())
                .andExpect(content().string(Matchers.containsString("This link is not valid")));
        assertThat(desk.statusOf(request.getReference())).isEqualTo("AWAITING_VERIFICATION");
    }

    @Test
    void tokensAreStoredOnlyAsHashes() {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.awaitingVerification("ACCESS", email);
        String secret = desk.latestVerificationSecret(email);

        assertThat(secret).hasSizeGreaterThanOrEqualTo(22); // at least 128 bits in base64url
        assertThat(jdbc.queryForList("select token_hash from verification_token where request_id = ?", String.class,
                request.getId())).singleElement().isNotEqualTo(secret).isEqualTo(new TokenSecret(secret).hash());
    }
}
