package dev.dsrdesk.connector;

import com.fasterxml.jackson.databind.ObjectMapper;
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
    public ResponseEntity<?> answer(@PathVariable String token, @RequestBody String body,
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
