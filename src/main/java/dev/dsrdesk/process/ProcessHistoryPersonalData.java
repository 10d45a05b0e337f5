package dev.dsrdesk.process;

import dev.dsrdesk.request.PersonalDataHolder;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A request's processes record no variable in the engine's history ({@link RequestVariablesOutOfHistoryPlugin}); any a
 * request still has there goes with the request ({@link VariableHistoryOfRequest}), and the engine's own cleanup
 * removes the rest of its history later.
 */
@Component
class ProcessHistoryPersonalData implements PersonalDataHolder {

    private final VariableHistoryOfRequest variableHistory;

    ProcessHistoryPersonalData(VariableHistoryOfRequest variableHistory) {
        this.variableHistory = variableHistory;
    }

    /** The engine's tables, not the desk's: its variables are erased whatever they are called. */
    @Override
    public Set<String> personalDataColumns() {
        return Set.of();
    }

    @Override
    public void erasePersonalData(ExpiredRequest request) {
        variableHistory.forget(request.reference());
    }
}
