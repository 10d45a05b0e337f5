package dev.dsrdesk.tracking;

import dev.dsrdesk.deadline.DueDateInWords;
import dev.dsrdesk.deadline.DueDateReasoning;
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
    private final DueDateInWords words;

    RequestTrackingController(Requests requests, ResponseSummary summary, StatutoryDeadlines statutory, DueDateInWords words) {
        this.words = words;
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
                request.getExtensionReason(),
                statutory.deciding(request.getRegimes(), request.effectiveDueDate()).flatMap(words::forStaff).orElse(null),
                statutory.fromJson(request.getRegimes()).stream().map(this::regimeView).toList(), request.getClockPausedAt(),
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
                       @Schema(description = "How the date that decides was computed, in words",
                               example = "received 30 October 2026 → one month → 30 November 2026 (Monday, a working day)")
                       String dueDateReasoning,
                       @Schema(description = "Each law's deadline for this request") List<RegimeView> regimes,
                       @Schema(description = "Since when the statutory clock waits for the requester's answer to a question "
                               + "about identity; the period then starts again, in full, from the answer. Absent while "
                               + "the clock runs") Instant clockPausedAt,
                       @Schema(description = "When the requester's identity was established") Instant verifiedAt,
                       List<IdentifierView> identifiers,
                       Instant closedAt,
                       @Schema(description = "The open request this one is linked to as the same request twice") String linkedTo,
                       @Schema(description = "Each entity's part, by entity id") List<EntityProgress> entities) {
    }

    private RegimeView regimeView(RegimeDeadline regime) {
        return new RegimeView(regime.regime(), regime.dueDate(), regime.confirmBy(), regime.basis(),
                words.forStaff(regime).orElse(null), regime.reasoning());
    }

    @Schema(description = "One law's deadline for the request, and how it was computed.")
    record RegimeView(@Schema(example = "GDPR") String regime, LocalDate dueDate,
                      @Schema(description = "By when receipt must be confirmed, where the law says so") LocalDate confirmBy,
                      @Schema(description = "The rule applied, in words",
                              example = "GDPR Art. 12(3): one month from receipt, applied to every requester (policy §6)")
                      String basis,
                      @Schema(description = "How the date was computed, in words; absent for dates kept before the desk "
                              + "recorded it", example = "received 28 October 2026 → one month → 28 November 2026 is a "
                              + "Saturday → next working day 30 November 2026")
                      String howComputed,
                      DueDateReasoning reasoning) {
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
