package dev.dsrdesk.process;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The request's reference as a task's form shows it: taken from the business key and set on the task only, since a
 * process carries no reference variable a completion could change. A form that sends it back changes only the task's
 * own copy, which ends with the task.
 */
public final class ShownReference {

    public static final String VARIABLE = "reference";

    private ShownReference() {
    }

    public static void show(DelegateTask task) {
        task.setVariableLocal(VARIABLE, task.getExecution().getProcessBusinessKey());
    }
}
