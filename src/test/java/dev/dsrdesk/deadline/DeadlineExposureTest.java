package dev.dsrdesk.deadline;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** A request carries every statutory clock it runs under; the strictest is its due date. */
@DeskTest
class DeadlineExposureTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;

    @ParameterizedTest(name = "{0}/{1} {2} received 2026-11-02 → due {3} under {4}")
    @CsvSource(delimiter = '|', textBlock = """
            IT | ''    | ACCESS  | 2026-12-02 | GDPR
            BR | BR-SP | ACCESS  | 2026-11-17 | GDPR LGPD
            US | US-CA | ERASURE | 2026-12-02 | GDPR CCPA
            """)
    void theRequestRecordShowsEveryClockAndTheDecisiveDate(String country, String region, String type, String due,
                                                          String regimes) throws Exception {
        String body = """
                {"type":"%s","fullName":"Grace Hopper","email":"%s","country":"%s"%s,"channel":"POST","receivedAt":"2026-11-02"}"""
                .formatted(type, DeskDriver.uniqueEmail(), country, region.isEmpty() ? "" : ",\"region\":\"" + region + "\"");
        String created = mvc.perform(post("/api/requests").contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(httpBasic("operator", "demo")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.dueDate").value(due))
                .andReturn().getResponse().getContentAsString();
        String reference = json.readTree(created).get("reference").asText();

        mvc.perform(get("/api/requests/{reference}", reference).with(httpBasic("manager", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dueDate").value(due))
                .andExpect(jsonPath("$.receivedAt").value(Matchers.startsWith("2026-11-0")))
                .andExpect(jsonPath("$.regimes[*].regime").value(Matchers.containsInAnyOrder(regimes.split(" "))))
                .andExpect(jsonPath("$.regimes[?(@.regime == 'GDPR')].dueDate").value(Matchers.contains("2026-12-02")))
                .andExpect(jsonPath("$.regimes[*].basis").value(Matchers.everyItem(Matchers.not(Matchers.emptyString()))));
    }
}
