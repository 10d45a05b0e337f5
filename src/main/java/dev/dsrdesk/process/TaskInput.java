package dev.dsrdesk.process;

import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Reads what a person submitted when completing a task and refuses it with a message they can act on.
 * A refusal rolls the completion back, so the task stays open; Tasklist and {@code /engine-rest} show
 * the message (the REST API answers 400).
 */
public final class TaskInput {

    private final DelegateTask task;

    private TaskInput(DelegateTask task) {
        this.task = task;
    }

    public static TaskInput of(DelegateTask task) {
        return new TaskInput(task);
    }

    public <E extends Enum<E>> E requiredChoice(String name, Class<E> choices) {
        Object value = task.getVariable(name);
        String allowed = String.join(", ", Arrays.stream(choices.getEnumConstants()).map(Enum::name).toList());
        if (!(value instanceof String text) || text.isBlank()) {
            throw refused(name, name + " is required: one of " + allowed);
        }
        try {
            return Enum.valueOf(choices, text.strip());
        } catch (IllegalArgumentException e) {
            throw refused(name, name + " must be one of " + allowed + ", not '" + abbreviate(text) + "'");
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
        throw refused(name, name + " is required: true or false");
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
            throw refused(name, name + " must be text");
        }
        String trimmed = text.strip();
        if (trimmed.length() > maxLength) {
            throw refused(name, name + " must be at most " + maxLength + " characters");
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    public String requiredText(String name, int maxLength, String why) {
        String text = text(name, maxLength);
        if (text == null) {
            throw refused(name, name + " is required " + why);
        }
        return text;
    }

    public static FormFieldValidationException refused(String field, String message) {
        return new FormFieldValidationException(field, message);
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
