package dev.dsrdesk.duplicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskTest;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The same right asked twice by the same person is answered once. */
@DeskTest
class DuplicateRequestTest {

    @Autowired DeskDriver desk;
    @Autowired MockMvc mvc;
    @Autowired ProcessEngine engine;

    @BeforeEach
    void initAssertions() {
        init(engine);
    }

    @Test
    void theSameRightAskedAgainWhileOpenIsLinkedAndAnsweredWithTheFirst() {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest first = desk.acceptedRequest("ERASURE", email);
        DataSubjectRequest second = desk.verifiedRequest("ERASURE", email.toUpperCase());
        desk.runJobs(second.getReference());
        ProcessInstance duplicate = desk.processOf(second.getReference());

        assertThat(duplicate).hasPassed("Task_CheckForOpenDuplicate", "Task_TellRequesterLinked")
                .isWaitingAt("Gateway_AwaitLinkOutcome").hasNotPassed("Task_TriageRequest");
        assertThat(desk.statusOf(second.getReference())).isEqualTo("LINKED_TO_OPEN_REQUEST");
        assertThat(desk.lastMailTo(email.toUpperCase(), "answered together")).contains(first.getReference());
        assertThat(desk.entityTasks(second.getReference())).as("no second fan-out").isEmpty();

        desk.entityTasks(first.getReference()).forEach(step -> desk.complete(step, DeskDriver.doneAnswer(step)));
        desk.runJobs(first.getReference());
        desk.complete(desk.taskOf(first.getReference(), "Task_ReviewResponse"), Map.of("approved", true));
        desk.runJobs(first.getReference());

        assertThat(duplicate).hasPassed("Event_LinkedRequestClosed", "EndEvent_AnsweredWithLinkedRequest").isEnded();
        assertThat(desk.statusOf(second.getReference())).isEqualTo("CLOSED_AS_DUPLICATE");
    }

    @Test
    void anOperatorCanUnlinkAndTheRequestGoesToTriageOnItsOwn() throws Exception {
        String email = DeskDriver.uniqueEmail();
        desk.acceptedRequest("ACCESS", email);
        DataSubjectRequest second = desk.verifiedRequest("ACCESS", email);
        desk.runJobs(second.getReference());

        mvc.perform(post("/api/requests/{reference}/unlink", second.getReference()).with(httpBasic("manager", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/requests/{reference}/unlink", second.getReference()).with(httpBasic("operator", "demo")))
                .andExpect(status().isNoContent());

        assertThat(desk.processOf(second.getReference())).hasPassed("Event_DuplicateUnlinked").isWaitingAt("Task_TriageRequest");
        assertThat(desk.statusOf(second.getReference())).isEqualTo("IN_TRIAGE");
        mvc.perform(post("/api/requests/{reference}/unlink", second.getReference()).with(httpBasic("operator", "demo")))
                .andExpect(status().isConflict());
    }

    @Test
    void aDifferentRightOrAnotherPersonIsNotADuplicate() {
        String email = DeskDriver.uniqueEmail();
        desk.acceptedRequest("ACCESS", email);
        DataSubjectRequest otherRight = desk.verifiedRequest("ERASURE", email);
        DataSubjectRequest otherPerson = desk.verifiedRequest("ACCESS", DeskDriver.uniqueEmail());

        assertThat(desk.processOf(otherRight.getReference())).isWaitingAt("Task_TriageRequest");
        assertThat(desk.processOf(otherPerson.getReference())).isWaitingAt("Task_TriageRequest");
    }
}
