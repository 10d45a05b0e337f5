package dev.dsrdesk.process;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricDetailEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.CompositeDbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.CompositeHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * The engine's history records no variable of a request's processes and no field submitted on their task forms.
 * Those values are what the tasks show (the requester's name, email and identifiers) and what staff answer; the desk's
 * own tables hold all of it under their retention and erasure, and the audit trail records what happened. Written to
 * history, each variable cost an instance row, a detail row per change, their removal time at the end and their
 * deletion at closure: almost half of the rows a request wrote (docs/adr/0009-request-history-without-variables.md).
 * Everything else stays at history level {@code full}: activities, tasks, jobs, incidents and the user operation log;
 * and the desk's other processes (purge, digest) keep their variables' history.
 *
 * <p>A filter of the history writer rather than a history level of its own: the engine stores its level in the
 * database and refuses to start on a database written at another one.
 */
@Component
class RequestVariablesOutOfHistoryPlugin extends AbstractProcessEnginePlugin {

    static final Set<String> REQUEST_PROCESSES = Set.of(
            DeskProcess.DATA_SUBJECT_REQUEST, DeskProcess.ENTITY_FULFILMENT, DeskProcess.REQUESTER_QUESTION,
            DeskProcess.MAIL_DELIVERY);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new WithoutRequestVariables(historyWriter(configuration)));
    }

    /** What the engine would write history with, had no handler been set. */
    private static HistoryEventHandler historyWriter(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getHistoryEventHandler() != null) {
            return configuration.getHistoryEventHandler();
        }
        return configuration.isEnableDefaultDbHistoryEventHandler()
                ? new CompositeDbHistoryEventHandler(configuration.getCustomHistoryEventHandlers())
                : new CompositeHistoryEventHandler(configuration.getCustomHistoryEventHandlers());
    }

    static final class WithoutRequestVariables implements HistoryEventHandler {

        private final HistoryEventHandler writer;

        WithoutRequestVariables(HistoryEventHandler writer) {
            this.writer = writer;
        }

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!isRequestVariable(event)) {
                writer.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            writer.handleEvents(events.stream().filter(event -> !isRequestVariable(event)).toList());
        }

        private static boolean isRequestVariable(HistoryEvent event) {
            // a detail is a variable's value or a submitted form field's (Tasklist submits forms): both are what
            // a person saw or typed
            return event instanceof HistoricDetailEventEntity
                    && REQUEST_PROCESSES.contains(event.getProcessDefinitionKey());
        }
    }
}
