package dev.dsrdesk.tracking;

import dev.dsrdesk.deadline.RegimeDeadline;
import dev.dsrdesk.deadline.StatutoryDeadlines;
import dev.dsrdesk.fulfilment.ResponseSummary;
import dev.dsrdesk.fulfilment.ResponseSummary.EntityProgress;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.RequesterIdentifier;
import dev.dsrdesk.request.Requests;
import dev.dsrdesk.request.IdentifierCheck;
import dev.dsrdesk.request.RequestChannel;
import dev.dsrdesk.request.RequestStatus;
import dev.dsrdesk.request.RequestType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Staff view of one request: where it stands, its deadline and every entity's progress. */
@RestController
@Tag(name = "Requests")
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
    @Operation(operationId = "showRequest", summary = "Where a request stands",
            description = """
                    For privacy operators (group dpo) and managers (group managers): the request's status, when it was \
                    received and verified, its statutory due date (and the extended one), the deadline of every law that \
                    applies, which of the requester's identifiers the desk verified and how (never their values), and \
                    each entity's part: asked or not and why, what it must do, by when, and what it answered.""")
    @SecurityRequirement(name = "staff")
    @ApiResponse(responseCode = "200", description = "The request and each entity's progress.")
    @ApiResponse(responseCode = "404", ref = "NoSuchRequest")
    RequestView show(@Parameter(description = "The request's reference", example = "DSR-2026-000042") @PathVariable String reference) {
        DataSubjectRequest request = requests.byReference(reference);
        return new RequestView(request.getReference(), request.getType().name(), request.getStatus().name(),
                request.getChannel().name(), request.getReceivedAt(), request.getDueDate(), request.getExtendedDueDate(),
                request.getExtensionReason(), statutory.fromJson(request.getRegimes()), request.getClockPausedAt(),
                request.getVerifiedAt(),
                request.identifiers().stream().map(IdentifierView::of).toList(), request.getClosedAt(),
                request.getLinkedTo(), summary.progress(reference));
    }

    @Schema(description = "One request as staff follow it.")
    record RequestView(@Schema(example = "DSR-2026-000042") String reference,
                       @Schema(implementation = RequestType.class) String type,
                       @Schema(implementation = RequestStatus.class) String status,
                       @Schema(description = "How it reached the desk", implementation = RequestChannel.class) String channel,
                       @Schema(description = "When it reached the desk; the statutory clock starts then") Instant receivedAt,
                       @Schema(description = "The GDPR date, or a stricter local one") LocalDate dueDate,
                       @Schema(description = "The date after an extension (GDPR Art. 12(3)), else absent") LocalDate extendedDueDate,
                       @Schema(description = "The reasons the requester was given for the extension") String extensionReason,
                       @Schema(description = "Each law's deadline for this request") List<RegimeDeadline> regimes,
                       @Schema(description = "Since when the statutory clock waits for the requester's answer to a question "
                               + "about identity; the period then starts again, in full, from the answer. Absent while "
                               + "the clock runs") Instant clockPausedAt,
                       @Schema(description = "When the requester's identity was established") Instant verifiedAt,
                       List<IdentifierView> identifiers,
                       Instant closedAt,
                       @Schema(description = "The open request this one is linked to as the same request twice") String linkedTo,
                       @Schema(description = "Each entity's part, by entity id") List<EntityProgress> entities) {
    }

    /** Which identifier the desk verified, and how; the value stays with the request's details. */
    @Schema(description = "One identifier the requester gave, whether the desk verified it and how; never its value.")
    record IdentifierView(@Schema(implementation = RequesterIdentifier.Kind.class) String kind, boolean verified,
                          @Schema(description = "Absent while not verified", implementation = IdentifierCheck.class) String verifiedBy) {

        static IdentifierView of(RequesterIdentifier identifier) {
            return new IdentifierView(identifier.kind().name(), identifier.verified(),
                    identifier.verified() ? identifier.checkedBy().name() : null);
        }
    }
}
