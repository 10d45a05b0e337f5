package dev.dsrdesk.process;

import dev.dsrdesk.request.RequestClosed;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Once a request is closed, the engine's history keeps no variable or form field of it. Its processes write none
 * ({@link RequestVariablesOutOfHistoryPlugin}); a request started before that rule, or another process under its
 * reference, may still have some, and they go here (the engine deletes a process instance's variables and details
 * together): what tasks showed (names, emails) and what staff typed stays only in the desk's own tables, under their
 * retention. The desk's audit trail, not the variable history, is the record of what happened.
 */
@Component
class ClosedRequestHistory {

    private static final Logger log = LoggerFactory.getLogger(ClosedRequestHistory.class);

    private final HistoryService history;

    ClosedRequestHistory(HistoryService history) {
        this.history = history;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void forgetVariables(RequestClosed closed) {
        try {
            String[] instances = history.createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(closed.reference()).list().stream()
                    .map(HistoricProcessInstance::getId).toArray(String[]::new);
            if (instances.length == 0
                    || history.createHistoricVariableInstanceQuery().processInstanceIdIn(instances).includeDeleted().count() == 0
                    && history.createHistoricDetailQuery().processInstanceIdIn(instances).count() == 0) {
                return;
            }
            for (String instance : instances) {
                history.deleteHistoricVariableInstancesByProcessInstanceId(instance);
            }
        } catch (RuntimeException e) {
            // the closure is committed; a failure here must not look like a failed closure. History cleanup
            // (history time to live) removes the variables later in any case.
            log.warn("Could not remove the engine's variable history of {}: {}", closed.reference(), e.toString());
        }
    }
}
