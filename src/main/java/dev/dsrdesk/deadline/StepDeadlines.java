package dev.dsrdesk.deadline;

import dev.dsrdesk.request.Requests;
import java.time.LocalDate;
import java.time.Period;
import java.util.Date;
import org.springframework.stereotype.Component;

/** Due dates of the process's tasks, by request reference, as the diagrams ask for them. */
@Component("stepDeadlines")
public class StepDeadlines {

    private final Requests requests;
    private final Deadlines deadlines;

    StepDeadlines(Requests requests, Deadlines deadlines) {
        this.requests = requests;
        this.deadlines = deadlines;
    }

    public Date triage(String reference) {
        return deadlines.triageDue(requests.byReference(reference).effectiveDueDate());
    }

    /** When an entity's step is due: the end of one of the entity's working days, never after the statutory date. */
    public Date entityStep(String reference, String entityId) {
        return deadlines.entityStepDue(requests.byReference(reference).effectiveDueDate(), entityId);
    }

    /**
     * For instances of entity-fulfilment started under an earlier version of the diagram, whose expressions name no
     * entity: their steps keep the calendar days they were started with.
     */
    public Date entityStep(String reference) {
        return deadlines.entityStepDueInCalendarDays(requests.byReference(reference).effectiveDueDate());
    }

    /** How the entity's step's due date was computed, for its task. */
    public String entityStepInWords(String reference, String entityId) {
        return deadlines.entityStepInWords(requests.byReference(reference).effectiveDueDate(), entityId);
    }

    /** The day an entity's step is due, for steps the desk carries out without a Tasklist task. */
    public LocalDate entityStepDay(String reference, String entityId) {
        return deadlines.dayOf(entityStep(reference, entityId).toInstant());
    }

    /** Tasklist's follow-up date: the day before a task is due, so it surfaces before it is late. */
    public Date followUp(Date due) {
        return deadlines.before(due, Period.ofDays(1));
    }

    /** As {@link #entityStep(String)}: for instances of an earlier version of entity-fulfilment. */
    public Date entityReminder(String reference) {
        return deadlines.before(entityStep(reference), deadlines.entityReminderBefore());
    }

    /** When the entity's group is reminded of its step. */
    public Date entityReminder(String reference, String entityId) {
        return deadlines.before(entityStep(reference, entityId), deadlines.entityReminderBefore());
    }

    /** The end of the statutory date (extended where it was). */
    public Date statutory(String reference) {
        return deadlines.endOf(requests.byReference(reference).effectiveDueDate());
    }

    /** When operators and managers are warned that the statutory date is near. */
    public Date statutoryWarning(String reference) {
        return deadlines.before(statutory(reference), deadlines.requestWarningBefore());
    }

    public Date review(String reference) {
        return deadlines.reviewDue(requests.byReference(reference).effectiveDueDate());
    }
}
