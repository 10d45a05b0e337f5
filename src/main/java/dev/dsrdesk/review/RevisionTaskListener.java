package dev.dsrdesk.review;

import dev.dsrdesk.process.ShownReference;
import dev.dsrdesk.process.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** After a review sent the response back: either the operator fixed it, or the entities are asked again. */
@Component
class RevisionTaskListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                task.setName("Revise response to " + task.getExecution().getProcessBusinessKey());
                ShownReference.show(task);
            }
            case EVENTNAME_COMPLETE -> decide(task);
            default -> throw new IllegalStateException("revisionTaskListener is not meant for " + task.getEventName());
        }
    }

    private void decide(DelegateTask task) {
        TaskInput input = TaskInput.of(task);
        Object askAgain = task.getVariable("askEntitiesAgain");
        boolean entitiesAskedAgain = askAgain != null && input.requiredBoolean("askEntitiesAgain");
        input.requiredText("revisionNote", ReviewTaskListener.MAX_COMMENT, "to tell the reviewer what changed");
        task.getExecution().setVariable("askEntitiesAgain", entitiesAskedAgain);
    }
}
