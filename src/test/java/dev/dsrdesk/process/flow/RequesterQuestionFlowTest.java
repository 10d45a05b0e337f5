package dev.dsrdesk.process.flow;

import static dev.dsrdesk.process.flow.DeskBeans.QUESTION_LAPSES_AT;
import static dev.dsrdesk.process.flow.DeskBeans.QUESTION_REMINDER_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * processes/requester-question.bpmn on the engine alone: the question goes out in a job of its own, the request waits
 * for the answer, one reminder, and without an answer the error the asking request catches ("No answer in time").
 */
@Diagram("requester-question.bpmn")
class RequesterQuestionFlowTest extends DiagramTest {

    @Test
    void theQuestionIsMailedInAJobOfItsOwnThenTheRequestWaitsForTheAnswer() {
        ProcessInstance question = ask();
        assertThat(question).isWaitingAt("Task_SendQuestion");
        verify(beans.requesterQuestions, never()).send(anyString());

        run(question, "Task_SendQuestion");

        verify(beans.requesterQuestions).send(question.getBusinessKey());
        assertThat(question).isWaitingAt("Task_AwaitAnswer").isWaitingFor("RequesterAnswered");
        assertThat(jobAt(question, "Event_AnswerReminderDue").getDuedate()).isEqualTo(QUESTION_REMINDER_AT);
        assertThat(jobAt(question, "Event_AnswerWindowExpired").getDuedate()).isEqualTo(QUESTION_LAPSES_AT);

        runtimeService().createMessageCorrelation("RequesterAnswered").processInstanceId(question.getId()).correlate();

        assertThat(question).hasPassed("EndEvent_AnswerReceived").hasNotPassed("Task_SendQuestionReminder").isEnded();
    }

    @Test
    void theRequesterIsRemindedOnceWhileTheQuestionStaysOpen() {
        ProcessInstance question = ask();
        run(question, "Task_SendQuestion");

        run(question, "Event_AnswerReminderDue");
        run(question, "Task_SendQuestionReminder");

        verify(beans.requesterQuestions).remind(question.getBusinessKey());
        assertThat(question).hasPassed("EndEvent_ReminderSent").isWaitingAtExactly("Task_AwaitAnswer");
        assertThat(jobsAt(question, "Event_AnswerReminderDue")).as("one reminder, no more").isEmpty();
    }

    @Test
    void withoutAnAnswerInTimeTheQuestionEndsUnanswered() {
        ProcessInstance question = ask();
        run(question, "Task_SendQuestion");

        run(question, "Event_AnswerWindowExpired");

        assertThat(question).hasPassed("EndEvent_QuestionUnanswered").hasNotPassed("EndEvent_AnswerReceived").isEnded();
        verify(beans.requesterQuestions, never()).remind(anyString());
    }

    private static ProcessInstance ask() {
        return start("requester-question", newReference(), Map.of());
    }
}
