package dev.dsrdesk.connector;

import dev.dsrdesk.fulfilment.ActionReport;
import dev.dsrdesk.fulfilment.EntityAction;
import dev.dsrdesk.connector.PossibleMatch.PossibleMatchRef;
import dev.dsrdesk.fulfilment.EntityRecord;
import dev.dsrdesk.fulfilment.EntityStep;
import dev.dsrdesk.fulfilment.EntityStepAnswers;
import dev.dsrdesk.fulfilment.EntityStepInstances;
import dev.dsrdesk.fulfilment.StepIdentity;
import dev.dsrdesk.fulfilment.StepState;
import dev.dsrdesk.deadline.StepDeadlines;
import dev.dsrdesk.language.SupportedLanguages;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.RequestType;
import dev.dsrdesk.request.Requests;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The entity step that does the work itself (process entity-fulfilment): where every store of the entity can carry
 * out the action, the desk searches them, keeps a preview, waits for the entity's confirmation where its stores ask
 * for one, then acts and records the answer. A store that cannot be reached fails the job, which retries and then
 * stands as an incident: never a silent "no data".
 */
@Component
public class AutomatedSteps {

    static final String ROWS_FOUND = "rowsFound";
    static final String CONNECTOR = "connector";

    private final DataStores stores;
    private final SqlStoreConnector sql;
    private final EntityStepAnswers answers;
    private final Requests requests;
    private final StepDeadlines deadlines;
    private final EntityStepInstances instances;
    private final PossibleMatches possibleMatches;
    private final MessageSource messages;

    AutomatedSteps(DataStores stores, SqlStoreConnector sql, EntityStepAnswers answers, Requests requests,
                   StepDeadlines deadlines, EntityStepInstances instances, PossibleMatches possibleMatches,
                   MessageSource messages) {
        this.messages = messages;
        this.instances = instances;
        this.possibleMatches = possibleMatches;
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

    /** The same, each followed by its label, as the confirming person chooses: "contact.full_name (Full name)". */
    String rectifiableFieldsShown(String entityId) {
        Wording english = Wording.forPeople(messages, Locale.ENGLISH);
        List<String> shown = new ArrayList<>();
        for (DataStore store : stores.of(entityId)) {
            for (String field : sql.rectifiableFields(store)) {
                String tableName = field.substring(0, field.indexOf('.'));
                String column = field.substring(field.indexOf('.') + 1);
                SqlTable table = store.tables().stream().filter(each -> each.table().equals(tableName)).findFirst().orElseThrow();
                String label = english.column(table, column);
                shown.add(field + (label.equals(column) ? "" : " (" + label + ")"));
            }
        }
        return String.join(", ", shown.stream().distinct().toList());
    }

    /**
     * Searches every store of the entity; keeps what was found on the step, changes nothing. Rows found only by an
     * identifier nobody verified are kept apart as possible matches, for the entity's person to include or leave out.
     */
    @Transactional
    public void search(DelegateExecution execution) {
        StepIdentity step = instances.of(execution);
        answers.open(step.reference(), step.entityId(), deadlines.entityStepDay(step.reference(), step.entityId()));
        // the preview is for the entity's staff, who read English
        List<StoreFindings> findings = findAll(step.reference(), step.entityId(), Wording.forPeople(messages, Locale.ENGLISH));
        int rows = (int) findings.stream().mapToLong(StoreFindings::rowCount).sum();
        List<PossibleMatchRef> possible = findings.stream().flatMap(found -> found.possibleMatches().stream())
                .map(PossibleMatch::ref).toList();
        answers.previewed(step.reference(), step.entityId(), describe(findings), rows, possibleMatches.toJson(possible));
        execution.setVariable(ROWS_FOUND, rows);
    }

    /**
     * Whether a person of the entity decides first: where its stores ask for it and something was found, and always
     * where a row matched only an unverified identifier, since only a person may include such a row.
     */
    public boolean mustConfirm(DelegateExecution execution) {
        StepIdentity identity = instances.of(execution);
        EntityStep step = answers.stepOf(identity.reference(), identity.entityId());
        boolean found = step.getRowsFound() != null && step.getRowsFound() > 0;
        return (found && needsConfirmation(identity.entityId(), identity.action().name()))
                || !possibleMatches.fromJson(step.getPossibleMatches()).isEmpty();
    }

    /** Carries out the action in every store and records the answer, as the confirming user or as the connector. */
    @Transactional
    public void execute(DelegateExecution execution) {
        StepIdentity identity = instances.of(execution);
        String reference = identity.reference();
        String entityId = identity.entityId();
        EntityAction action = identity.action();
        String actor = execution.hasVariable("confirmedBy") ? (String) execution.getVariable("confirmedBy") : CONNECTOR;
        EntityStep step = answers.stepOf(reference, entityId);
        List<PossibleMatchRef> possible = possibleMatches.fromJson(step.getPossibleMatches());
        Set<Integer> included = PossibleMatches.parse(step.getIncludedMatches());
        String leftOut = leftOut(possible.size() - included.size());
        if (action == EntityAction.EXPORT) {
            List<EntityRecord> records = new ArrayList<>();
            for (StoreFindings found : findAll(reference, entityId, forRequester(reference))) {
                records.addAll(found.records());
                found.possibleMatches().stream()
                        .filter(match -> included.stream().anyMatch(number -> possible.get(number - 1).sameRow(match)))
                        .forEach(match -> records.addAll(match.records()));
            }
            answers.record(reference, entityId, records.isEmpty() ? StepState.NO_DATA : StepState.DONE,
                    "Found by the desk in the entity's systems" + included(included.size()) + leftOut, records,
                    ActionReport.none(), actor);
            return;
        }
        SqlStoreConnector.Subject subject = subjectOf(reference);
        Map<String, Map<String, List<String>>> keys = PossibleMatches.keysByStoreAndTable(possible, included);
        if (action == EntityAction.RECTIFY) {
            correct(execution, reference, entityId, subject, keys, actor, leftOut);
            return;
        }
        List<String> changes = new ArrayList<>();
        for (DataStore store : stores.of(entityId)) {
            changes.addAll(sql.apply(store, action, subject, keys.getOrDefault(store.id(), Map.of()), forRequester(reference)));
        }
        // what the search found decides the outcome: a retry after the stores changed finds the rows gone
        boolean found = (step.getRowsFound() != null && step.getRowsFound() > 0) || !included.isEmpty();
        String taken = changes.isEmpty() ? (found ? "already carried out in an earlier attempt" : null) : String.join("; ", changes);
        answers.record(reference, entityId, found ? StepState.DONE : StepState.NO_DATA,
                "Carried out by the desk in the entity's systems" + included(included.size()) + leftOut,
                List.of(), ActionReport.taken(taken), actor);
    }

    /** The field and the right value came from the entity's confirming person (the value waits on the step). */
    private void correct(DelegateExecution execution, String reference, String entityId, SqlStoreConnector.Subject subject,
                         Map<String, Map<String, List<String>>> keys, String actor, String leftOut) {
        String field = (String) execution.getVariable("rectifyField");
        if (field == null) {
            answers.record(reference, entityId, StepState.NO_DATA, "Nothing to correct: not found in the entity's systems" + leftOut,
                    List.of(), ActionReport.none(), actor);
            return;
        }
        String value = answers.stepOf(reference, entityId).getReport().valueAfter();
        List<String> before = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        for (DataStore store : stores.of(entityId)) {
            SqlStoreConnector.Correction correction = sql.rectify(store, subject, keys.getOrDefault(store.id(), Map.of()),
                    field, value, forRequester(reference));
            before.addAll(correction.valuesBefore());
            changes.addAll(correction.changes());
        }
        answers.record(reference, entityId, changes.isEmpty() ? StepState.NO_DATA : StepState.DONE,
                "Corrected by the desk in the entity's systems" + leftOut, List.of(),
                new ActionReport(changes.isEmpty() ? null : String.join("; ", changes), null, null,
                        before.isEmpty() ? null : String.join(", ", before), value, null), actor);
        execution.removeVariable("rectifyField");
    }

    private static String included(int count) {
        return count == 0 ? "" : "; " + count + " possible match" + (count == 1 ? "" : "es")
                + " included by the entity's person";
    }

    private static String leftOut(int count) {
        return count <= 0 ? "" : "; " + count + " possible match" + (count == 1 ? "" : "es")
                + " (found only by an identifier that was not verified) left out";
    }

    private List<StoreFindings> findAll(String reference, String entityId, Wording wording) {
        SqlStoreConnector.Subject subject = subjectOf(reference);
        return stores.of(entityId).stream().map(store -> sql.find(store, subject, wording)).toList();
    }

    /**
     * What the requester receives reads in their language; a portability package keeps its values as machines read
     * them (Art. 20: machine-readable).
     */
    private Wording forRequester(String reference) {
        DataSubjectRequest request = requests.byReference(reference);
        Locale reader = SupportedLanguages.forTag(request.getLanguage());
        return request.getType() == RequestType.PORTABILITY
                ? Wording.forMachines(messages, reader) : Wording.forPeople(messages, reader);
    }

    /** Whom to look for: the requester's identifiers, each with whether the desk verified it. */
    private SqlStoreConnector.Subject subjectOf(String reference) {
        DataSubjectRequest request = requests.byReference(reference);
        return SqlStoreConnector.Subject.of(request.identifiers());
    }

    /** Rows and fields per store and table, without the values: enough to confirm, nothing to leak. */
    private static String describe(List<StoreFindings> findings) {
        StringBuilder text = new StringBuilder();
        for (StoreFindings found : findings) {
            text.append(found.storeName()).append(":\n");
            found.rows().forEach(table -> text.append("  ").append(table.table()).append(": ").append(table.rows())
                    .append(table.rows() == 1 ? " record\n" : " records\n"));
            found.records().stream().map(record -> "  - " + record.category() + ": " + record.field()).distinct()
                    .forEach(line -> text.append(line).append('\n'));
        }
        return text.toString();
    }
}
