package dev.dsrdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.Requests;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.ReconfiguredDeskTest;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** With {@code dsr.deadlines.identity-questions-pause-clock=false} ({@link ReconfiguredDeskTest}) no question stops the clock. */
@ReconfiguredDeskTest
class ClockRunsThroughIdentityQuestionsWhereConfiguredTest {

    @Autowired DeskDriver desk;
    @Autowired Requests requests;

    @Test
    void anIdentityQuestionLeavesTheClockRunning() {
        DataSubjectRequest request = desk.enteredByStaff("ACCESS", DeskDriver.uniqueEmail(), "POST", "2026-11-16");
        String reference = request.getReference();
        LocalDate before = requests.byReference(reference).getDueDate();

        desk.complete(desk.taskOf(reference, "Task_ReviewIdentity"), Map.of("askRequester", true,
                "question", "Please send a copy of the letter you received from us.", "questionAboutIdentity", true));
        desk.runJobs(reference);

        DataSubjectRequest asked = requests.byReference(reference);
        assertThat(asked.getStatus().name()).isEqualTo("AWAITING_REQUESTER");
        assertThat(asked.getClockPausedAt()).isNull();
        assertThat(asked.getDueDate()).isEqualTo(before);
    }
}
