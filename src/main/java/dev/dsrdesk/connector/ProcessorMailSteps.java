package dev.dsrdesk.connector;

import dev.dsrdesk.deadline.StepDeadlines;
import dev.dsrdesk.fulfilment.EntityAction;
import dev.dsrdesk.fulfilment.EntityStepAnswers;
import dev.dsrdesk.fulfilment.EntityStepInstances;
import dev.dsrdesk.fulfilment.StepIdentity;
import dev.dsrdesk.notification.LinkSettings;
import dev.dsrdesk.notification.MailOutbox;
import dev.dsrdesk.notification.MailSettings;
import dev.dsrdesk.notification.OutgoingMail;
import dev.dsrdesk.registry.EntityRegistry;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.RequesterIdentifier;
import dev.dsrdesk.request.Requests;
import dev.dsrdesk.security.TokenSecret;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The entity step of a processor without an API (process entity-fulfilment): its privacy contact is written to
 * with a link to a form where it says what it did; reminded every two days with a fresh link; escalated and handed
 * to the processor liaison when the answer is late.
 */
@Component
public class ProcessorMailSteps {

    static final String REPLIED = "ProcessorReplied";

    private final DataStores stores;
    private final ConnectorCallbacks callbacks;
    private final EntityStepAnswers answers;
    private final Requests requests;
    private final EntityRegistry registry;
    private final MailOutbox outbox;
    private final MailSettings mail;
    private final LinkSettings links;
    private final MessageSource messages;
    private final StepDeadlines deadlines;
    private final Clock clock;
    private final EntityStepInstances instances;

    ProcessorMailSteps(DataStores stores, ConnectorCallbacks callbacks, EntityStepAnswers answers, Requests requests,
                       EntityRegistry registry, MailOutbox outbox, MailSettings mail, LinkSettings links,
                       MessageSource messages, StepDeadlines deadlines, Clock clock, EntityStepInstances instances) {
        this.instances = instances;
        this.stores = stores;
        this.callbacks = callbacks;
        this.answers = answers;
        this.requests = requests;
        this.registry = registry;
        this.outbox = outbox;
        this.mail = mail;
        this.links = links;
        this.messages = messages;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    public boolean answers(String entityId, String action) {
        return contact(entityId).isPresent();
    }

    /** The reminder timer's cycle, e.g. R/P2D. */
    public String reminderCycle(String entityId) {
        return "R/" + contact(entityId).orElseThrow().email().remindEvery();
    }

    public String answerWithin(String entityId) {
        return contact(entityId).orElseThrow().email().answerWithin().toString();
    }

    @Transactional
    public void write(DelegateExecution execution) {
        StepIdentity step = instances.of(execution);
        String reference = step.reference();
        String entityId = step.entityId();
        answers.open(reference, entityId, deadlines.entityStepDay(reference, entityId));
        send(execution, "PROCESSOR_REQUEST", "Privacy request " + reference + ": please ");
    }

    @Transactional
    public void remind(DelegateExecution execution) {
        send(execution, "PROCESSOR_REMINDER", "Reminder: privacy request " + instances.of(execution).reference() + ": please ");
    }

    private void send(DelegateExecution execution, String kind, String subjectStart) {
        StepIdentity step = instances.of(execution);
        String reference = step.reference();
        String entityId = step.entityId();
        DataStore store = contact(entityId).orElseThrow();
        DataSubjectRequest request = requests.byReference(reference);
        EntityAction action = answers.actionOf(reference, entityId);
        Instant now = clock.instant();
        Instant answerBy = execution.hasVariable("answerBy") ? ((java.util.Date) execution.getVariable("answerBy")).toInstant()
                : now.plus(store.email().answerWithin());
        execution.setVariable("answerBy", java.util.Date.from(answerBy));
        // each mail carries a link of its own; every one stays usable until the answer is due
        TokenSecret secret = callbacks.issue(store.id(), reference, entityId, execution.getProcessInstanceId(), now, answerBy);
        String instruction = messages.getMessage("action." + action.name() + ".instruction", null, Locale.ENGLISH);
        String body = """
                Hello,

                %s asks %s, as its processor, to act on a data subject's request under the GDPR
                (reference %s).

                The person, by the identifiers the desk verified (act only on data these find):
                %s
                What to do: %s

                Please tell us what you did by %s on this form (the link works until then; no account needed):
                %s

                Thank you,
                %s
                """.formatted(mail.deskName(), registry.byId(entityId).name(), reference,
                String.join("\n", request.identifiers().stream().filter(RequesterIdentifier::verified)
                        .map(identifier -> "- " + identifier.forStaff()).toList()),
                instruction, DateTimeFormatter.ISO_LOCAL_DATE.format(answerBy.atZone(clock.getZone())),
                links.to("/processor-answer?token=" + secret.value()), mail.deskName());
        outbox.enqueue(reference, kind, new OutgoingMail(store.email().to(), subjectStart + actionVerb(action), body));
    }

    private static String actionVerb(EntityAction action) {
        return switch (action) {
            case EXPORT -> "send us the data you hold";
            case ERASE -> "erase the data you hold";
            case RECTIFY -> "correct the data you hold";
            case RESTRICT -> "restrict processing";
            case STOP_PROCESSING, STOP_DIRECT_MARKETING -> "stop processing";
            case RECORD_CONSENT_WITHDRAWAL -> "record a withdrawal of consent";
        };
    }

    Optional<DataStore> contact(String entityId) {
        return stores.of(entityId).stream().filter(store -> store.type() == DataStore.ConnectorType.EMAIL).findFirst();
    }
}
