package dev.dsrdesk.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.support.DeskAtWorkTest;
import dev.dsrdesk.support.DeskDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every entity finishes at the same moment, many times over, with the real job executor: no completion is
 * refused or lost, and the join always moves on to the review.
 */
@DeskAtWorkTest
class ParallelCompletionTest {

    private static final int ROUNDS = 8;

    @Autowired DeskDriver desk;
    @Autowired JdbcTemplate jdbc;

    @Test
    void entitiesCompletingAtTheSameMomentNeverLoseAnAnswerNorStickTheJoin() throws Exception {
        ExecutorService entities = Executors.newFixedThreadPool(5);
        List<String> references = new ArrayList<>();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String email = DeskDriver.uniqueEmail();
                DataSubjectRequest request = desk.submit("ACCESS", email);
                String reference = request.getReference();
                references.add(reference);
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> desk.lastMailTo(email, "confirm"));
                assertThat(desk.verify(email).verified()).isTrue();
                Task triage = await().atMost(Duration.ofSeconds(30))
                        .until(() -> desk.taskOf(reference, "Task_TriageRequest"), task -> task != null);
                desk.complete(triage, Map.of("decision", "ACCEPT"));
                List<Task> steps = await().atMost(Duration.ofSeconds(30))
                        .until(() -> desk.entityTasks(reference), tasks -> tasks.size() == 5);

                CountDownLatch startTogether = new CountDownLatch(1);
                List<Callable<Void>> completions = new ArrayList<>();
                for (Task step : steps) {
                    completions.add(() -> {
                        startTogether.await();
                        desk.complete(step, DeskDriver.doneAnswer(step));
                        return null;
                    });
                }
                List<Future<Void>> done = new ArrayList<>();
                completions.forEach(completion -> done.add(entities.submit(completion)));
                startTogether.countDown();
                for (Future<Void> completion : done) {
                    completion.get();
                }

                int currentRound = round;
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                        assertThat(desk.taskOf(reference, "Task_ReviewResponse")).as("round %d reached review", currentRound)
                                .isNotNull());
                assertThat(jdbc.queryForList("select state from entity_step where request_id = ?", String.class, request.getId()))
                        .as("round %d: every answer kept", round).hasSize(5).containsOnly("DONE");
            }
            assertThat(references).allSatisfy(reference ->
                    assertThat(desk.failingJobsOf(reference)).as("no job of %s left failing", reference).isEmpty());
        } finally {
            entities.shutdownNow();
        }
    }
}
