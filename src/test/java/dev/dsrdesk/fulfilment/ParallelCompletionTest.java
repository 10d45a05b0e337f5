package dev.dsrdesk.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dsrdesk.request.DataSubjectRequest;
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
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every entity finishes at the same moment, many times over, with the real job executor: no completion is
 * refused or lost, and the join always moves on to the review.
 */
@SpringBootTest(properties = {
        "camunda.bpm.job-execution.enabled=true",
        // pick retried jobs up quickly: a conflict's retry is due 1 s later, acquisition would otherwise idle 5 s
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=1000"})
@ActiveProfiles("test")
@Import(DeskDriver.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ParallelCompletionTest {

    private static final int ROUNDS = 8;

    @Autowired DeskDriver desk;
    @Autowired ManagementService management;
    @Autowired JdbcTemplate jdbc;

    @Test
    void entitiesCompletingAtTheSameMomentNeverLoseAnAnswerNorStickTheJoin() throws Exception {
        ExecutorService entities = Executors.newFixedThreadPool(5);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String email = DeskDriver.uniqueEmail();
                DataSubjectRequest request = desk.submit("ACCESS", email);
                String reference = request.getReference();
                await().atMost(Duration.ofSeconds(30)).until(() -> !desk.mailSubjectsTo(email).isEmpty()
                        && desk.mailSubjectsTo(email).stream().anyMatch(subject -> subject.contains("confirm")));
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
            assertThat(management.createJobQuery().withException().count()).as("no job left failing").isZero();
        } finally {
            entities.shutdownNow();
        }
    }
}
