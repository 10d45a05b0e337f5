package dev.dsrdesk.process;

import dev.dsrdesk.request.PersonalDataHolder;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The engine's history keeps every variable a request's processes ever had, including what tasks showed and people
 * typed; they go with the request (the engine's own cleanup removes the rest of its history later).
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
