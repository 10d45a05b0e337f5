package dev.dsrdesk.process;

import dev.dsrdesk.request.PersonalDataHolder;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * A request's processes record no variable in the engine's history ({@link RequestVariablesOutOfHistoryPlugin}); any a
 * request still has there (written before that rule) goes with the request, and the engine's own cleanup removes the
 * rest of its history later.
 */
@Component
class ProcessHistoryPersonalData implements PersonalDataHolder {

    private final HistoryService history;

    ProcessHistoryPersonalData(HistoryService history) {
        this.history = history;
    }

    /** The engine's tables, not the desk's: its variables are erased whatever they are called. */
    @Override
    public Set<String> personalDataColumns() {
        return Set.of();
    }

    @Override
    public void erasePersonalData(ExpiredRequest request) {
        for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(request.reference()).list()) {
            history.deleteHistoricVariableInstancesByProcessInstanceId(instance.getId());
        }
    }
}
