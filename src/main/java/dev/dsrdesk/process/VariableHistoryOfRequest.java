package dev.dsrdesk.process;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The variables and form fields the engine's history still holds under a request's reference: written before a
 * request's processes stopped recording them ({@link RequestVariablesOutOfHistoryPlugin}), or by another process
 * started under the reference. The engine deletes a process instance's variables and details together.
 */
@Component
class VariableHistoryOfRequest {

    private final HistoryService history;

    VariableHistoryOfRequest(HistoryService history) {
        this.history = history;
    }

    void forget(String reference) {
        String[] instances = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).list()
                .stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
        if (instances.length == 0
                || history.createHistoricVariableInstanceQuery().processInstanceIdIn(instances).includeDeleted().count() == 0
                && history.createHistoricDetailQuery().processInstanceIdIn(instances).count() == 0) {
            return;
        }
        for (String instance : instances) {
            history.deleteHistoricVariableInstancesByProcessInstanceId(instance);
        }
    }
}
