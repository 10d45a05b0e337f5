package dev.dsrdesk.connector;

import dev.dsrdesk.fulfilment.ActionReport;
import dev.dsrdesk.fulfilment.EntityAction;
import dev.dsrdesk.fulfilment.EntityRecord;
import dev.dsrdesk.fulfilment.EntityStepAnswers;
import dev.dsrdesk.fulfilment.StepState;
import dev.dsrdesk.deadline.StepDeadlines;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.Requests;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The entity step that does the work itself (process entity-fulfilment): where every store of the entity can carry
 * out the action, the desk searches them, keeps a preview, waits for the entity's confirmation where its stores ask
 * for one, then acts and records the answer. A store that cannot be reached fails the job, which retries and then
 * stands as an incident: never a silent "no data".
 */
@Component("connectors")
public class AutomatedSteps {

    static final String ROWS_FOUND = "rowsFound";
    static final String CONNECTOR = "connector";

    private final DataStores stores;
    private final SqlStoreConnector sql;
    private final EntityStepAnswers answers;
    private final Requests requests;
    private final StepDeadlines deadlines;

    AutomatedSteps(DataStores stores, SqlStoreConnector sql, EntityStepAnswers answers, Requests requests,
                   StepDeadlines deadlines) {
        this.deadlines = deadlines;
        this.stores = stores;
        this.sql = sql;
        this.answers = answers;
        this.requests = requests;
    }

    /** Whether the entity's stores are databases that can all carry out this action (rectification stays with people). */
    public boolean automates(String entityId, String action) {
        List<DataStore> entityStores = stores.of(entityId);
        EntityAction wanted = EntityAction.valueOf(action);
        return !entityStores.isEmpty() && entityStores.stream()
                .allMatch(store -> store.type() == DataStore.ConnectorType.SQL && sql.automates(store, wanted));
    }

    /** Whether a person of the entity confirms first: where its stores ask for it, and always for a correction,
     *  whose right value only a person can give. */
    public boolean needsConfirmation(String entityId, String action) {
        EntityAction wanted = EntityAction.valueOf(action);
        return wanted == EntityAction.RECTIFY
                || stores.of(entityId).stream().anyMatch(store -> store.confirmBefore().contains(wanted));
    }

    /** What a correction may change in the entity's stores, for the confirming person. */
    public List<String> rectifiableFields(String entityId) {
        return stores.of(entityId).stream().flatMap(store -> sql.rectifiableFields(store).stream()).distinct().toList();
    }

    /** Searches every store of the entity; keeps what was found on the step, changes nothing. */
    @Transactional
    public void search(DelegateExecution execution) {
        String reference = (String) execution.getVariable("reference");
        String entityId = (String) execution.getVariable("entityId");
        answers.open(reference, entityId, deadlines.entityStepDay(reference));
        List<StoreFindings> findings = findAll(reference, entityId);
        int rows = (int) findings.stream().mapToLong(StoreFindings::rowCount).sum();
        answers.previewed(reference, entityId, describe(findings), rows);
        execution.setVariable(ROWS_FOUND, rows);
    }

    /** Carries out the action in every store and records the answer, as the confirming user or as the connector. */
    @Transactional
    public void execute(DelegateExecution execution) {
        String reference = (String) execution.getVariable("reference");
        String entityId = (String) execution.getVariable("entityId");
        EntityAction action = answers.actionOf(reference, entityId);
        String actor = execution.hasVariable("confirmedBy") ? (String) execution.getVariable("confirmedBy") : CONNECTOR;
        if (action == EntityAction.EXPORT) {
            List<EntityRecord> records = new ArrayList<>();
            findAll(reference, entityId).forEach(found -> records.addAll(found.records()));
            answers.record(reference, entityId, records.isEmpty() ? StepState.NO_DATA : StepState.DONE,
                    "Found by the desk in the entity's systems", records, ActionReport.none(), actor);
            return;
        }
        SqlStoreConnector.Subject subject = subjectOf(reference);
        if (action == EntityAction.RECTIFY) {
            correct(execution, reference, entityId, subject, actor);
            return;
        }
        List<String> changes = new ArrayList<>();
        for (DataStore store : stores.of(entityId)) {
            changes.addAll(sql.apply(store, action, subject));
        }
        // what the search found decides the outcome: a retry after the stores changed finds the rows gone
        Integer rowsFound = answers.stepOf(reference, entityId).getRowsFound();
        boolean found = rowsFound != null && rowsFound > 0;
        String taken = changes.isEmpty() ? (found ? "already carried out in an earlier attempt" : null) : String.join("; ", changes);
        answers.record(reference, entityId, found ? StepState.DONE : StepState.NO_DATA, "Carried out by the desk in the entity's systems",
                List.of(), ActionReport.taken(taken), actor);
    }

    /** The field and the right value came from the entity's confirming person (the value waits on the step). */
    private void correct(DelegateExecution execution, String reference, String entityId, SqlStoreConnector.Subject subject,
                         String actor) {
        String field = (String) execution.getVariable("rectifyField");
        if (field == null) {
            answers.record(reference, entityId, StepState.NO_DATA, "Nothing to correct: not found in the entity's systems",
                    List.of(), ActionReport.none(), actor);
            return;
        }
        String value = answers.stepOf(reference, entityId).getReport().valueAfter();
        List<String> before = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        for (DataStore store : stores.of(entityId)) {
            SqlStoreConnector.Correction correction = sql.rectify(store, subject, field, value);
            before.addAll(correction.valuesBefore());
            changes.addAll(correction.changes());
        }
        answers.record(reference, entityId, changes.isEmpty() ? StepState.NO_DATA : StepState.DONE,
                "Corrected by the desk in the entity's systems", List.of(),
                new ActionReport(changes.isEmpty() ? null : String.join("; ", changes), null, null,
                        before.isEmpty() ? null : String.join(", ", before), value, null), actor);
        execution.removeVariable("rectifyField");
    }

    private List<StoreFindings> findAll(String reference, String entityId) {
        SqlStoreConnector.Subject subject = subjectOf(reference);
        return stores.of(entityId).stream().map(store -> sql.find(store, subject)).toList();
    }

    private SqlStoreConnector.Subject subjectOf(String reference) {
        DataSubjectRequest request = requests.byReference(reference);
        return new SqlStoreConnector.Subject(request.getEmail(), request.getPhone());
    }

    /** Rows and fields per store and table, without the values: enough to confirm, nothing to leak. */
    private static String describe(List<StoreFindings> findings) {
        StringBuilder text = new StringBuilder();
        for (StoreFindings found : findings) {
            text.append(found.storeName()).append(":\n");
            found.rows().forEach(table -> text.append("  ").append(table.table()).append(": ").append(table.rows())
                    .append(table.rows() == 1 ? " row\n" : " rows\n"));
            found.records().stream().map(record -> "  - " + record.category() + ": " + record.field()).distinct()
                    .forEach(line -> text.append(line).append('\n'));
        }
        return text.toString();
    }
}
