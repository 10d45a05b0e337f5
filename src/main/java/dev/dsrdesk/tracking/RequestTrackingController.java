package dev.dsrdesk.tracking;

import dev.dsrdesk.deadline.RegimeDeadline;
import dev.dsrdesk.deadline.StatutoryDeadlines;
import dev.dsrdesk.fulfilment.ResponseSummary;
import dev.dsrdesk.fulfilment.ResponseSummary.EntityProgress;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.RequesterIdentifier;
import dev.dsrdesk.request.Requests;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Staff view of one request: where it stands, its deadline and every entity's progress. */
@RestController
class RequestTrackingController {

    private final Requests requests;
    private final ResponseSummary summary;
    private final StatutoryDeadlines statutory;

    RequestTrackingController(Requests requests, ResponseSummary summary, StatutoryDeadlines statutory) {
        this.requests = requests;
        this.summary = summary;
        this.statutory = statutory;
    }

    @GetMapping("/api/requests/{reference}")
    RequestView show(@PathVariable String reference) {
        DataSubjectRequest request = requests.byReference(reference);
        return new RequestView(request.getReference(), request.getType().name(), request.getStatus().name(),
                request.getChannel().name(), request.getReceivedAt(), request.getDueDate(), request.getExtendedDueDate(),
                request.getExtensionReason(), statutory.fromJson(request.getRegimes()), request.getVerifiedAt(),
                request.identifiers().stream().map(IdentifierView::of).toList(), request.getClosedAt(),
                request.getLinkedTo(), summary.progress(reference));
    }

    record RequestView(String reference, String type, String status, String channel, Instant receivedAt,
                       LocalDate dueDate, LocalDate extendedDueDate, String extensionReason, List<RegimeDeadline> regimes, Instant verifiedAt,
                       List<IdentifierView> identifiers, Instant closedAt,
                       String linkedTo, List<EntityProgress> entities) {
    }

    /** Which identifier the desk verified, and how; the value stays with the request's details. */
    record IdentifierView(String kind, boolean verified, String verifiedBy) {

        static IdentifierView of(RequesterIdentifier identifier) {
            return new IdentifierView(identifier.kind().name(), identifier.verified(),
                    identifier.verified() ? identifier.checkedBy().name() : null);
        }
    }
}
