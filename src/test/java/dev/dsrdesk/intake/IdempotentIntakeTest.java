package dev.dsrdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A client that retries a submission with the same Idempotency-Key gets the same request, never a second one. */
@DeskTest
class IdempotentIntakeTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aRetryWithTheSameKeyGetsTheSameReferenceAndCreatesNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        String email = DeskDriver.uniqueEmail();
        MvcResult first = mvc.perform(submission(email).header("Idempotency-Key", key))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotent-Replayed"))
                .andReturn();
        String reference = referenceIn(first);

        mvc.perform(submission(email).header("Idempotency-Key", key))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/requests/" + reference))
                .andExpect(header().string("Idempotent-Replayed", "true"));

        assertThat(requestsFor(email)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from act_ru_execution where business_key_ = ? and parent_id_ is null",
                Long.class, reference)).as("one lifecycle").isEqualTo(1);
    }

    @Test
    void withoutAKeyEachSubmissionIsANewRequest() throws Exception {
        String email = DeskDriver.uniqueEmail();
        mvc.perform(submission(email)).andExpect(status().isCreated());
        mvc.perform(submission(email)).andExpect(status().isCreated());
        assertThat(requestsFor(email)).isEqualTo(2);
    }

    @Test
    void theSameKeyForADifferentRequestIsRefused() throws Exception {
        String key = UUID.randomUUID().toString();
        String email = DeskDriver.uniqueEmail();
        mvc.perform(submission(email).header("Idempotency-Key", key)).andExpect(status().isCreated());
        String otherEmail = DeskDriver.uniqueEmail();

        mvc.perform(submission(otherEmail).header("Idempotency-Key", key))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(requestsFor(otherEmail)).isZero();
    }

    @Test
    void aMalformedKeyIsBadInputAndStoresNothing() throws Exception {
        String email = DeskDriver.uniqueEmail();
        for (String key : List.of("x".repeat(256), "with space", "naïve")) {
            mvc.perform(submission(email).header("Idempotency-Key", key))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        assertThat(requestsFor(email)).isZero();
    }

    @Test
    void retriesArrivingAtTheSameMomentCreateOneRequest() throws Exception {
        for (int round = 0; round < 5; round++) {
            String key = UUID.randomUUID().toString();
            String email = DeskDriver.uniqueEmail();
            ExecutorService clients = Executors.newFixedThreadPool(6);
            try {
                List<Callable<MvcResult>> retries = new ArrayList<>();
                for (int client = 0; client < 6; client++) {
                    retries.add(() -> mvc.perform(submission(email).header("Idempotency-Key", key)).andReturn());
                }
                List<String> references = new ArrayList<>();
                for (Future<MvcResult> answer : clients.invokeAll(retries)) {
                    assertThat(answer.get().getResponse().getStatus()).isEqualTo(201);
                    references.add(referenceIn(answer.get()));
                }
                assertThat(references).as("round %d", round).containsOnly(references.get(0));
                assertThat(requestsFor(email)).as("round %d", round).isEqualTo(1);
            } finally {
                clients.shutdownNow();
            }
        }
    }

    private MockHttpServletRequestBuilder submission(String email) {
        return post("/api/requests").contentType(MediaType.APPLICATION_JSON).content("""
                {"type":"ERASURE","fullName":"Ada Lovelace","email":"%s","country":"IT"}""".formatted(email));
    }

    private String referenceIn(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString()).get("reference").asText();
    }

    private long requestsFor(String email) {
        return jdbc.queryForObject("select count(*) from data_subject_request where email = ?", Long.class, email);
    }
}
