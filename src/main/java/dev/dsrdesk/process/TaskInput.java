package dev.dsrdesk.process;

import dev.dsrdesk.process.TaskForms.FormFields;
import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Reads what a person submitted when completing a task and refuses it with a message they can act on, naming each
 * field by the label its form shows ("What was done is required"). A refusal rolls the completion back, so the task
 * stays open; Tasklist and {@code /engine-rest} show the message (the REST API answers 400).
 */
public final class TaskInput {

    private final DelegateTask task;
    private final FormFields form;

    private TaskInput(DelegateTask task, FormFields form) {
        this.task = task;
        this.form = form;
    }

    public static TaskInput of(DelegateTask task) {
        return new TaskInput(task, TaskForms.deployed().byId(formIdOf(task)).orElse(FormFields.NONE));
    }

    /** The words the person sees for a field. */
    public String label(String name) {
        return form.label(name);
    }

    public <E extends Enum<E>> E requiredChoice(String name, Class<E> choices) {
        Object value = task.getVariable(name);
        String allowed = String.join(", ", Arrays.stream(choices.getEnumConstants()).map(Enum::name).toList());
        if (!(value instanceof String text) || text.isBlank()) {
            throw refusal(name, "is required: choose one of " + allowed);
        }
        try {
            return Enum.valueOf(choices, text.strip());
        } catch (IllegalArgumentException e) {
            throw refusal(name, "must be one of " + allowed + ", not '" + abbreviate(text) + "'");
        }
    }

    public boolean requiredBoolean(String name) {
        Object value = task.getVariable(name);
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof String text && (text.equals("true") || text.equals("false"))) {
            return Boolean.parseBoolean(text);
        }
        throw refusal(name, "needs an answer: true or false");
    }

    /** An optional checkbox: absent counts as unticked. */
    public boolean flag(String name) {
        return task.getVariable(name) != null && requiredBoolean(name);
    }

    /** Optional text, trimmed; blank counts as absent. */
    public String text(String name, int maxLength) {
        Object value = task.getVariable(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw refusal(name, "must be text");
        }
        String trimmed = text.strip();
        if (trimmed.length() > maxLength) {
            throw refusal(name, "may be at most " + maxLength + " characters");
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    public String requiredText(String name, int maxLength, String why) {
        String text = text(name, maxLength);
        if (text == null) {
            throw refusal(name, "is required " + why);
        }
        return text;
    }

    /** A refusal that starts with the field's label: refusal("actionTaken", "is required") reads "What was done is required". */
    public FormFieldValidationException refusal(String field, String predicate) {
        return refused(field, label(field) + " " + predicate);
    }

    public static FormFieldValidationException refused(String field, String message) {
        return new FormFieldValidationException(field, message);
    }

    private static String formIdOf(DelegateTask task) {
        if (!(task instanceof TaskEntity entity) || entity.getTaskDefinition() == null) {
            return null;
        }
        Expression formRef = entity.getTaskDefinition().getCamundaFormDefinitionKey();
        return formRef == null ? null : formRef.getExpressionText();
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
