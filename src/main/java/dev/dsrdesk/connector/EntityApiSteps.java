package dev.dsrdesk.connector;

import dev.dsrdesk.fulfilment.ActionReport;
import dev.dsrdesk.fulfilment.EntityAction;
import dev.dsrdesk.fulfilment.EntityStepAnswers;
import dev.dsrdesk.fulfilment.EntityStepInstances;
import dev.dsrdesk.fulfilment.StepIdentity;
import dev.dsrdesk.notification.LinkSettings;
import dev.dsrdesk.deadline.StepDeadlines;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.Requests;
import dev.dsrdesk.security.TokenSecret;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The entity step of a processor with an API (process entity-fulfilment): the desk calls it, takes an immediate
 * answer, or waits for its signed callback until the store's {@code answerWithin}; then the processor liaison
 * gets the step in Tasklist.
 */
@Component
public class EntityApiSteps {

    static final String ANSWERED_AT_ONCE = "answeredAtOnce";
    static final String ANSWERED_BY_API = "EntityApiAnswered";

    private final DataStores stores;
    private final WebhookConnector webhooks;
    private final ConnectorCallbacks callbacks;
    private final EntityStepAnswers answers;
    private final Requests requests;
    private final LinkSettings links;
    private final StepDeadlines deadlines;
    private final Clock clock;
    private final EntityStepInstances instances;

    EntityApiSteps(DataStores stores, WebhookConnector webhooks, ConnectorCallbacks callbacks, EntityStepAnswers answers,
                   Requests requests, LinkSettings links, StepDeadlines deadlines, Clock clock,
                   EntityStepInstances instances) {
        this.instances = instances;
        this.stores = stores;
        this.webhooks = webhooks;
        this.callbacks = callbacks;
        this.answers = answers;
        this.requests = requests;
        this.links = links;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** Whether the entity answers through an API: its store is a webhook, and the action is not a correction. */
    public boolean answers(String entityId, String action) {
        return api(entityId).isPresent() && EntityAction.valueOf(action) != EntityAction.RECTIFY;
    }

    /** How long the step waits for a callback, as the timer reads it (ISO 8601). */
    public String answerWithin(String entityId) {
        return api(entityId).orElseThrow().webhook().answerWithin().toString();
    }

    @Transactional
    public void call(DelegateExecution execution) {
        StepIdentity step = instances.of(execution);
        String reference = step.reference();
        String entityId = step.entityId();
        DataStore store = api(entityId).orElseThrow();
        DataSubjectRequest request = requests.byReference(reference);
        Instant now = clock.instant();
        Instant answerBy = now.plus(store.webhook().answerWithin());
        answers.open(reference, entityId, deadlines.entityStepDay(reference, entityId));
        TokenSecret callback = callbacks.issue(store.id(), reference, entityId, execution.getProcessInstanceId(), now, answerBy);
        Optional<ApiAnswer> answer = webhooks.call(store, new WebhookConnector.StepRequest(reference,
                step.action().name(), request.identifiers(),
                links.to("/connector-callback/" + callback.value()), answerBy));
        answer.ifPresent(given -> record(reference, entityId, store, given));
        execution.setVariable(ANSWERED_AT_ONCE, answer.isPresent());
    }

    void record(String reference, String entityId, DataStore store, ApiAnswer answer) {
        answers.record(reference, entityId, answer.status(), answer.notes(), answer.records(),
                ActionReport.taken(answer.actionTaken()), "api:" + store.id());
    }

    Optional<DataStore> api(String entityId) {
        return stores.of(entityId).stream().filter(store -> store.type() == DataStore.ConnectorType.WEBHOOK).findFirst();
    }
}
