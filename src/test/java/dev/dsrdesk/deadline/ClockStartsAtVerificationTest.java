package dev.dsrdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.Requests;
import dev.dsrdesk.support.DeskDriver;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** Where the desk is configured so, the statutory clock starts when identity is established, not at receipt. */
@SpringBootTest(properties = "dsr.deadlines.clock-starts-at=VERIFICATION")
@ActiveProfiles("test")
@Import(DeskDriver.class)
class ClockStartsAtVerificationTest {

    @Autowired DeskDriver desk;
    @Autowired Requests requests;

    @Test
    void theDueDateIsCountedFromVerification() {
        DataSubjectRequest request = desk.enteredByStaff("ERASURE", DeskDriver.uniqueEmail(), "POST", "2026-11-02");
        assertThat(request.getDueDate()).as("provisional, from receipt").isEqualTo("2026-12-02");

        desk.complete(desk.taskOf(request.getReference(), "Task_ReviewIdentity"),
                Map.of("identityVerified", true, "identityEvidence", "Letter signed, matches the CRM", "emailChecked", true));

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Rome"));
        LocalDate due = requests.byReference(request.getReference()).getDueDate();
        assertThat(due).isAfterOrEqualTo(today.plusMonths(1)).isBefore(today.plusMonths(1).plusDays(5));
    }
}
