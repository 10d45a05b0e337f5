package dev.dsrdesk.audit;

import static dev.dsrdesk.support.ClientAddress.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Every step of a request leaves an entry saying what, who and when, and nothing of the requester's data. */
@DeskTest
class AuditTrailTest {

    @Autowired DeskDriver desk;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;

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
        assertThat(events).containsExactly("RECEIVED", "MAIL_SENT", "MAIL_SENT", "VERIFIED", "TRIAGED", "ENTITY_ANSWERED",
                "ENTITY_ANSWERED", "ENTITY_ANSWERED", "ENTITY_ANSWERED", "ENTITY_ANSWERED", "APPROVED", "CLOSED", "MAIL_SENT");
        assertThat(trail.get(1).get("details").asText()).isEqualTo("ACKNOWLEDGEMENT");
        assertThat(trail.get(2).get("details").asText()).isEqualTo("VERIFICATION_LINK");
        assertThat(trail.get(3).get("actor").asText()).isEqualTo("requester");
        assertThat(trail.get(11).get("details").asText()).isEqualTo("CLOSED");
        assertThat(trail.get(12).get("details").asText()).as("delivered once the closing work committed").isEqualTo("CLOSURE");
        assertThat(trail.get(1).get("origin").asText()).as("sent by a job").isEqualTo("background job");
        assertThat(trail.toString()).doesNotContain(email).doesNotContain("Ada Lovelace");
    }

    @Test
    void aRejectionReadsAsDecidedByWhomWithTheMailThatToldTheRequester() throws Exception {
        DataSubjectRequest request = desk.verifiedRequest("ACCESS", DeskDriver.uniqueEmail());
        desk.complete(desk.taskOf(request.getReference(), "Task_TriageRequest"),
                Map.of("decision", "REJECT", "rejectionReason", "Third identical request this month"));
        desk.runJobs(request.getReference());

        List<String> events = new ArrayList<>();
        trail(request.getReference()).forEach(entry -> events.add(entry.get("event").asText() + " " + entry.get("details").asText()));
        assertThat(events).endsWith("TRIAGED REJECT", "CLOSED REJECTED", "MAIL_SENT REJECTION");
    }

    @Test
    void aDownloadIsRecordedFromWhereItWasMade() throws Exception {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.closedAccessRequest(email);
        mvc.perform(post("/download").param("token", desk.downloadSecret(email)).with(csrf()).with(from("203.0.113.7")))
                .andExpect(status().isOk());

        JsonNode last = null;
        for (JsonNode entry : trail(request.getReference())) {
            last = entry;
        }
        assertThat(last.get("event").asText()).isEqualTo("PACKAGE_DOWNLOADED");
        assertThat(last.get("actor").asText()).isEqualTo("requester");
        assertThat(last.get("origin").asText()).isEqualTo("203.0.113.7 POST /download");
    }

    @Test
    void anEventOverTheWebSaysFromWhichAddressAndEndpoint() throws Exception {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.awaitingVerification("ACCESS", email);
        mvc.perform(post("/verify").param("token", desk.latestVerificationSecret(email)).with(csrf())
                        .with(from("198.51.100.23")))
                .andExpect(status().isOk());

        JsonNode verified = null;
        for (JsonNode entry : trail(request.getReference())) {
            if (entry.get("event").asText().equals("VERIFIED")) {
                verified = entry;
            }
        }
        assertThat(verified).isNotNull();
        assertThat(verified.get("origin").asText()).isEqualTo("198.51.100.23 POST /verify").doesNotContain("token");
    }

    @Test
    void operatorsExportTheTrailAsCsv() throws Exception {
        DataSubjectRequest request = desk.enteredByStaff("ERASURE", DeskDriver.uniqueEmail(), "POST",
                LocalDate.now(ZoneId.of("Europe/Rome")).toString());
        mvc.perform(post("/api/requests/{reference}/extension", request.getReference()).with(httpBasic("reviewer", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"months\":1,\"reason\":\"The \\\"paper\\\" archive in Trento.\"}"))
                .andExpect(status().isOk());

        MvcResult export = mvc.perform(get("/api/requests/{reference}/audit.csv", request.getReference())
                        .with(httpBasic("operator", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn();
        assertThat(export.getResponse().getHeader("Content-Disposition")).contains("audit-" + request.getReference() + ".csv");
        List<String> lines = export.getResponse().getContentAsString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("at,event,actor,origin,details");
        assertThat(lines).hasSize(trail(request.getReference()).size() + 1);
        assertThat(lines.get(1)).contains("\"RECEIVED\",\"operator\"");
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"EXTENDED\",\"reviewer\""));
        assertThat(lines).as("the operator's reasons stay on the request, out of the append-only trail")
                .noneMatch(line -> line.contains("archive in Trento"));
    }

    @Test
    void theDatabaseItselfRefusesToChangeOrRemoveAnEvent() {
        DataSubjectRequest request = desk.submit("ACCESS", DeskDriver.uniqueEmail());
        assertThatThrownBy(() -> jdbc.update("update audit_event set actor = 'someone else' where reference = ?",
                request.getReference())).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_event where reference = ?", request.getReference()))
                .hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where reference = ? and actor <> 'someone else'",
                Long.class, request.getReference())).isEqualTo(1);
    }

    @Test
    void anExtensionIsRecordedWithTheOperatorButItsReasonsStayOnTheRequest() throws Exception {
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
        assertThat(extended.get("details").asText()).contains("1 month(s)").doesNotContain("Paper archive.");
        assertThat(jdbc.queryForObject("select extension_reason from data_subject_request where reference = ?", String.class,
                request.getReference())).as("free text can be erased from the request, never from the trail")
                .isEqualTo("Paper archive.");
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
