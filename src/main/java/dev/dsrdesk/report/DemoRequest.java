package dev.dsrdesk.report;

import dev.dsrdesk.request.RequestChannel;
import dev.dsrdesk.request.RequestStatus;
import dev.dsrdesk.request.RequestType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A made-up request as the desk would have left it once it ended: its dates, its final status, its entity steps and the
 * audit events the report reads. It carries no person: {@link DemoHistory} gives it an obviously fake name and address.
 *
 * @param extendedDueDate null unless the period was extended (at {@code extendedAt})
 * @param events audit events besides RECEIVED and CLOSED, which every request gets
 */
public record DemoRequest(RequestType type, RequestChannel channel, String country, String region, Instant receivedAt,
                          LocalDate dueDate, LocalDate extendedDueDate, Instant extendedAt, Instant verifiedAt,
                          RequestStatus status, Instant closedAt, List<Step> steps, List<Event> events) {

    /**
     * One entity's step.
     *
     * @param state NOT_INVOLVED, OPEN, DONE, NO_DATA or WITHDRAWN, as the desk stores it
     * @param retained what the entity kept of an erasure (a category, never a value), or null
     */
    public record Step(String entity, String state, String action, Instant openedAt, LocalDate dueDate,
                       Instant completedAt, String retained) {
    }

    /** An audit event: its type and the decision it records (e.g. TRIAGED with REJECT). */
    public record Event(String type, String details, Instant at) {
    }
}
