package dev.dsrdesk.connector;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a processor that accepted a step (202) answers later: the secret in the URL names the waiting step, the
 * signature proves the processor wrote the body, and the answer is checked against the contract before the step
 * moves on. Nothing changes unless all three hold.
 */
@RestController
@Tag(name = "Processors")
class ConnectorCallbackController {

    private final ConnectorCallbacks callbacks;
    private final EntityApiSteps apis;
    private final DataStores stores;
    private final RuntimeService runtime;
    private final ObjectMapper json;
    private final Clock clock;

    ConnectorCallbackController(ConnectorCallbacks callbacks, EntityApiSteps apis, DataStores stores, RuntimeService runtime,
                                ObjectMapper json, Clock clock) {
        this.stores = stores;
        this.callbacks = callbacks;
        this.apis = apis;
        this.runtime = runtime;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping(path = "/connector-callback/{token}", consumes = "application/json")
    @Transactional
    @Operation(operationId = "answerStep", summary = "A processor answers a step it accepted",
            description = """
                    A processor whose API accepted a step (202 to the webhook `entityStep`) posts its answer here, at the \
                    `callbackUrl` it was given, before `answerBy`. No account: the secret in the address names the step, \
                    and the `X-DSR-Signature` of the exact body proves the processor wrote it. The answer is checked \
                    against the contract before the step moves on; nothing changes unless all three hold. A callback \
                    address works once.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiAnswer.Contract.class))))
    @SecurityRequirement(name = "processorSignature")
    @ApiResponse(responseCode = "204", description = "Taken: the step moves on.", content = @Content)
    @ApiResponse(responseCode = "400", description = "The answer is outside the contract; `detail` says how (e.g. "
            + "`records[0].field is required and must be text`). The callback stays open for a corrected answer.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @ApiResponse(responseCode = "401", description = "The body is not signed with the processor's secret.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @ApiResponse(responseCode = "409", description = "Too late: the step no longer waits for this answer, it was handed to "
            + "the processor liaison's people.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @ApiResponse(responseCode = "410", description = "This callback address is unknown, already answered or expired.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @ApiResponse(responseCode = "413", description = "The body is larger than 8 MiB, or its length is not declared.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @ApiResponse(responseCode = "415", description = "The body is not JSON (`Content-Type: application/json`); refused "
            + "before the desk reads it.", content = @Content(mediaType = "application/json", schema = @Schema(ref = "ErrorAnswer")))
    public ResponseEntity<?> answer(@Parameter(description = "The secret of the callback address (43 base64url characters)",
                                            example = "4egjjKlFIdV81zjFsvA2j5P7E9mDQGEQ06hoLt2_b3Q") @PathVariable String token,
                                    @RequestBody String body,
                                    // documented as the security scheme processorSignature
                                    @Parameter(hidden = true)
                                    @RequestHeader(name = WebhookConnector.SIGNATURE_HEADER, required = false) String signature) {
        Instant now = clock.instant();
        ConnectorCallbacks.Waiting waiting = callbacks.waiting(token, now).orElse(null);
        if (waiting == null) {
            return problem(HttpStatus.GONE, "This callback is not valid: unknown, already answered or expired.");
        }
        DataStore store = stores.byId(waiting.storeId()).orElse(null);
        if (store == null || !WebhookConnector.signedBy(store.webhook().secret(), body, signature)) {
            return problem(HttpStatus.UNAUTHORIZED, "The body is not signed with the processor's secret ("
                    + WebhookConnector.SIGNATURE_HEADER + ": sha256=<hex HMAC-SHA256 of the body>).");
        }
        ApiAnswer answer;
        try {
            answer = ApiAnswer.parse(body, json);
        } catch (ApiAnswer.Refused e) {
            return problem(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        try {
            apis.record(waiting.reference(), waiting.entityId(), store, answer);
            runtime.createMessageCorrelation(EntityApiSteps.ANSWERED_BY_API).processInstanceId(waiting.processInstanceId()).correlate();
        } catch (MismatchingMessageCorrelationException stepMovedOn) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return problem(HttpStatus.CONFLICT, "The step no longer waits for this answer: it was handed to the processor liaison.");
        }
        callbacks.answered(waiting, now);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
