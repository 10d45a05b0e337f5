package dev.dsrdesk.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A privacy officer changes routing by deploying an edited table; no code, no diagram changes. */
@DeskTest
class RoutingChangeTest {

    @Autowired DeskDriver desk;
    @Autowired RepositoryService repository;

    @Test
    void anEditedTableRoutesTheNextRequestsItsWay() throws IOException {
        String table;
        try (InputStream in = getClass().getResourceAsStream("/entity-routing.dmn")) {
            table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // the officer decides that rectification must also reach whoever holds web navigation data
        String edited = table.replace("<inputEntry id=\"Rule_06_Contact\"><text>true</text></inputEntry>",
                "<inputEntry id=\"Rule_06_Contact\"><text></text></inputEntry>");
        assertThat(edited).isNotEqualTo(table);

        DataSubjectRequest before = desk.acceptedRequest("RECTIFICATION", DeskDriver.uniqueEmail());
        assertThat(desk.entityTasks(before.getReference())).hasSize(4);

        Deployment deployment = repository.createDeployment().name("routing edited by the privacy officer")
                .addString("entity-routing.dmn", edited).deploy();
        try {
            DataSubjectRequest after = desk.acceptedRequest("RECTIFICATION", DeskDriver.uniqueEmail());
            assertThat(desk.entityTasks(after.getReference())).hasSize(5)
                    .anySatisfy(task -> assertThat(task.getName()).endsWith("RECTIFY (google-analytics)"));
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }
}
