package dev.dsrdesk.process;

import dev.dsrdesk.request.RequestClosed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Once a request is closed, the engine's history keeps no variable or form field of it: what tasks showed (names,
 * emails) and what staff typed stays only in the desk's own tables, under their retention. The desk's audit trail,
 * not the variable history, is the record of what happened.
 */
@Component
class ClosedRequestHistory {

    private static final Logger log = LoggerFactory.getLogger(ClosedRequestHistory.class);

    private final VariableHistoryOfRequest variableHistory;

    ClosedRequestHistory(VariableHistoryOfRequest variableHistory) {
        this.variableHistory = variableHistory;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void forgetVariables(RequestClosed closed) {
        try {
            variableHistory.forget(closed.reference());
        } catch (RuntimeException e) {
            // the closure is committed; a failure here must not look like a failed closure. History cleanup
            // (history time to live) removes the variables later in any case.
            log.warn("Could not remove the engine's variable history of {}: {}", closed.reference(), e.toString());
        }
    }
}
