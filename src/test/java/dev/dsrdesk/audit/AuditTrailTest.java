package dev.dsrdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Every step of a request leaves an entry saying what, who and when, and nothing of the requester's data. */
@DeskTest
class AuditTrailTest {

    @Autowired DeskDriver desk;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;

    @Test
    void aRequestsHistoryReadsFromReceiptToClosure() throws Exception {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.acceptedRequest("ERASURE", email);
        desk.entityTasks(request.getReference()).forEach(step -> desk.complete(step, DeskDriver.doneAnswer(step)));
        desk.runJobs(request.getReference());
        desk.complete(desk.taskOf(request.getReference(), "Task_ReviewResponse"), Map.of("approved", true));
        desk.runJobs(request.getReference());

        JsonNode trail = trail(request.getReference());
        List<String> events = new ArrayList<>();
        trail.forEach(entry -> events.add(entry.get("event").asText()));
        assertThat(events).containsExactly("RECEIVED", "VERIFIED", "TRIAGED", "ENTITY_ANSWERED", "ENTITY_ANSWERED",
                "ENTITY_ANSWERED", "ENTITY_ANSWERED", "ENTITY_ANSWERED", "APPROVED", "CLOSED");
        assertThat(trail.get(1).get("actor").asText()).isEqualTo("requester");
        assertThat(trail.get(9).get("details").asText()).isEqualTo("CLOSED");
        assertThat(trail.toString()).doesNotContain(email).doesNotContain("Ada Lovelace");
    }

    @Test
    void anExtensionIsRecordedWithTheOperatorAndTheReasons() throws Exception {
        DataSubjectRequest request = desk.enteredByStaff("ERASURE", DeskDriver.uniqueEmail(), "POST",
                LocalDate.now(ZoneId.of("Europe/Rome")).toString());
        mvc.perform(post("/api/requests/{reference}/extension", request.getReference()).with(httpBasic("reviewer", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"months\":1,\"reason\":\"Paper archive.\"}"))
                .andExpect(status().isOk());

        JsonNode extended = null;
        for (JsonNode entry : trail(request.getReference())) {
            if (entry.get("event").asText().equals("EXTENDED")) {
                extended = entry;
            }
        }
        assertThat(extended).isNotNull();
        assertThat(extended.get("actor").asText()).isEqualTo("reviewer");
        assertThat(extended.get("details").asText()).contains("Paper archive.").contains("1 month(s)");
        assertThat(trail(request.getReference()).get(0).get("actor").asText()).as("entered by").isEqualTo("operator");
    }

    @Test
    void onlyOperatorsReadTheTrail() throws Exception {
        DataSubjectRequest request = desk.submit("ACCESS", DeskDriver.uniqueEmail());
        mvc.perform(get("/api/requests/{reference}/audit", request.getReference()).with(httpBasic("manager", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/requests/{reference}/audit", request.getReference()).with(httpBasic("rome", "demo")))
                .andExpect(status().isForbidden());
    }

    private JsonNode trail(String reference) throws Exception {
        return json.readTree(mvc.perform(get("/api/requests/{reference}/audit", reference).with(httpBasic("operator", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }
}
