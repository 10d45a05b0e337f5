package dev.dsrdesk.intake;

import dev.dsrdesk.language.SupportedLanguages;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.RequestStatus;
import dev.dsrdesk.request.RequestType;
import dev.dsrdesk.request.Requests;
import dev.dsrdesk.security.SecurityConfiguration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Requests")
class IntakeApiController {

    private final IntakeService intake;
    private final IdempotencyKeys keys;
    private final Requests requests;

    IntakeApiController(IntakeService intake, IdempotencyKeys keys, Requests requests) {
        this.intake = intake;
        this.keys = keys;
        this.requests = requests;
    }

    @PostMapping("/api/requests")
    @Operation(operationId = "submitRequest", summary = "Submit a data-subject request",
            description = """
                    A person asks to exercise a right under the GDPR (access, rectification, erasure, restriction, \
                    portability, objection, withdrawal of consent). Nobody needs to sign in: the desk mails an \
                    acknowledgement with the reference and a link that proves the person controls the email address; \
                    nothing is done for the request before that. Invalid input is refused field by field and nothing is \
                    stored. The requester's mails are in `language`, else in the best language of `Accept-Language` \
                    (en, it, pt-BR). The answer is the same whether or not the email address already has requests.

                    Privacy operators (group dpo) enter a request received by post, phone, in person or by email to the \
                    desk here too, signed in with HTTP Basic: only they may set `channel` and `receivedAt` (both are \
                    then required), and such a request gets an operator's identity review instead of the emailed link.

                    Someone acting for the data subject (an authorized agent, CCPA regulations § 7063) adds `agent`: \
                    their name, their own email, their organisation and the data subject's signed permission (a PDF, PNG \
                    or JPEG in base64, at most 5 MB). The other fields stay the data subject's: the desk sends the \
                    confirmation link to the data subject's address and, once confirmed, an operator checks the \
                    permission. The agent receives status mail (receipt, a refused permission, the end of the request), \
                    never the data: that goes only to the data subject.

                    A client that may retry sends an `Idempotency-Key`: a retry with the same key and body gets the \
                    same request back, with `Idempotent-Replayed: true`.""")
    @ApiResponse(responseCode = "201", description = "The request is stored and its lifecycle has started.",
            headers = {
                    @Header(name = "Location", description = "The request's address for staff: /api/requests/{reference}",
                            schema = @Schema(type = "string")),
                    @Header(name = "Idempotent-Replayed", description = "`true` when this answers a retry under the same "
                            + "Idempotency-Key; the request was created by the first call", schema = @Schema(type = "string"))},
            content = @Content(schema = @Schema(implementation = SubmissionReceipt.class)))
    @ApiResponse(responseCode = "400", ref = "InvalidRequest")
    @ApiResponse(responseCode = "401", description = "HTTP Basic credentials were sent and are wrong (a requester sends none).",
            content = @Content(schema = @Schema(ref = "ErrorAnswer")))
    @ApiResponse(responseCode = "403", description = "Sent with credentials from another site's page (its `Origin` is not "
            + "the desk's).", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @ApiResponse(responseCode = "413", description = "The body is larger than the largest permission document in base64 "
            + "(dsr.documents.max-size, 5 MB by default: about 6.7 MiB) and 64 KiB, or its length is not declared.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @ApiResponse(responseCode = "415", description = "The body is not JSON (`Content-Type: application/json`).",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @ApiResponse(responseCode = "422", description = "This Idempotency-Key was used for a different submission: use a new "
            + "key for a new request.", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @ApiResponse(responseCode = "429", ref = "TooManyRequests")
    ResponseEntity<SubmissionReceipt> submit(@Valid @RequestBody RequestSubmission submission, Locale locale,
                                             Authentication caller,
                                             @Parameter(description = "1 to 255 visible ASCII characters, e.g. a UUID; "
                                                     + "the same key with the same body returns the same request",
                                                     schema = @Schema(minLength = 1, maxLength = 255, pattern = "^[\\x21-\\x7E]{1,255}$"),
                                                     example = "6f1c2a9e-4b7d-4c1e-9a59-0f5f3c6e2b11")
                                             @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key) {
        if (submission.isStaffEntry() && !SecurityConfiguration.isOperator(caller)) {
            throw new FieldProblems(submission.getChannel() != null ? "channel" : "receivedAt",
                    "may only be set by privacy desk staff (group dpo), signed in with HTTP Basic");
        }
        Supplier<DataSubjectRequest> work = () -> submission.isStaffEntry()
                ? intake.submitForRequester(submission, caller.getName(), SupportedLanguages.bestFor(locale))
                : intake.submit(submission, SupportedLanguages.bestFor(locale));
        if (key == null) {
            return created(work.get(), false);
        }
        IdempotencyKeys.Claim claim = keys.claim(key, submission, caller == null ? "" : caller.getName());
        Optional<String> earlier = keys.earlier(claim);
        if (earlier.isPresent()) {
            return created(requests.byReference(earlier.get()), true);
        }
        try {
            return created(keys.firstUnder(claim, work), false);
        } catch (RuntimeException e) {
            if (!IdempotencyKeys.lostTheRace(e)) {
                throw e;
            }
            return created(requests.byReference(keys.earlier(claim).orElseThrow(() -> e)), true);
        }
    }

    /** A retry is answered as the first submission was, and says it is a replay. */
    private static ResponseEntity<SubmissionReceipt> created(DataSubjectRequest request, boolean replayed) {
        ResponseEntity.BodyBuilder response = ResponseEntity.created(URI.create("/api/requests/" + request.getReference()));
        if (replayed) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(new SubmissionReceipt(request.getReference(), request.getStatus().name(),
                request.getType().name(), request.getDueDate()));
    }

    @Schema(description = "The stored request: its reference (in every mail to the requester) and where it stands.")
    record SubmissionReceipt(
            @Schema(description = "The request's reference", example = "DSR-2026-000042") String reference,
            @Schema(description = "Where the request stands; a new self-service request awaits the emailed link",
                    implementation = RequestStatus.class) String status,
            @Schema(description = "The right exercised", implementation = RequestType.class) String type,
            @Schema(description = "The statutory date by which the requester must have the answer (GDPR Art. 12(3): one "
                    + "month from receipt, or a stricter local rule)") LocalDate dueDate) {
    }
}
