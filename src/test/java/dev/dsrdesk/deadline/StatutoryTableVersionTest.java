package dev.dsrdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskTest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The desk keeps the table's answers, but a privacy officer's new version of the table applies at once. */
@DeskTest
class StatutoryTableVersionTest {

    @Autowired DeskDriver desk;
    @Autowired RepositoryService repository;

    @Test
    void aNewVersionOfTheTableDecidesTheNextRequestAndRemovingItRestoresTheOld() throws Exception {
        LocalDate underTheDeployedTable = dueOfANewItalianAccessRequest();
        assertThat(dueOfANewItalianAccessRequest()).isEqualTo(underTheDeployedTable);

        Deployment tenDays = repository.createDeployment().name("statutory deadlines: ten days for everyone")
                .addString("statutory-deadlines.dmn", deployedTable().replace("\"P1M\"", "\"P10D\""))
                .deploy();
        try {
            assertThat(dueOfANewItalianAccessRequest()).isBefore(underTheDeployedTable);
        } finally {
            repository.deleteDeployment(tenDays.getId(), true);
        }

        assertThat(dueOfANewItalianAccessRequest()).isEqualTo(underTheDeployedTable);
    }

    private LocalDate dueOfANewItalianAccessRequest() {
        return desk.submit("ACCESS", DeskDriver.uniqueEmail()).getDueDate();
    }

    private static String deployedTable() throws Exception {
        try (InputStream in = StatutoryTableVersionTest.class.getResourceAsStream("/statutory-deadlines.dmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
