package dev.dsrdesk.review;

import dev.dsrdesk.process.ShownReference;
import dev.dsrdesk.question.AskedAt;
import dev.dsrdesk.question.RequesterQuestions;
import dev.dsrdesk.process.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** After a review sent the response back: either the operator fixed it, or the entities are asked again. */
@Component
class RevisionTaskListener implements TaskListener {

    private final RequesterQuestions questions;

    RevisionTaskListener(RequesterQuestions questions) {
        this.questions = questions;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                task.setName("Revise response to " + task.getExecution().getProcessBusinessKey());
                ShownReference.show(task);
                task.setVariableLocal(RequesterQuestions.QUESTIONS_AND_ANSWERS,
                        questions.conversation(task.getExecution().getProcessBusinessKey()));
            }
            case EVENTNAME_COMPLETE -> decide(task);
            default -> throw new IllegalStateException("revisionTaskListener is not meant for " + task.getEventName());
        }
    }

    private void decide(DelegateTask task) {
        task.getExecution().removeVariable(RequesterQuestions.QUESTIONS_AND_ANSWERS);
        if (questions.askedOn(task, AskedAt.REVISION)) {
            task.getExecution().removeVariables(java.util.List.of("askEntitiesAgain", "revisionNote"));
            return;
        }
        TaskInput input = TaskInput.of(task);
        Object askAgain = task.getVariable("askEntitiesAgain");
        boolean entitiesAskedAgain = askAgain != null && input.requiredBoolean("askEntitiesAgain");
        input.requiredText("revisionNote", ReviewTaskListener.MAX_COMMENT, "to tell the reviewer what changed");
        task.getExecution().setVariable("askEntitiesAgain", entitiesAskedAgain);
    }
}
