package dev.dsrdesk.notification;

import dev.dsrdesk.process.DeskProcess;
import java.time.Clock;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where every mail of the desk starts: stored with the work that decided to send it, in the same transaction,
 * and handed to a delivery job of its own (process {@code mail-delivery}) that retries with back-off and, when
 * the retries are spent, raises an incident in Cockpit that an operator can retry.
 */
@Component
public class MailOutbox {

    static final String DELIVERY_PROCESS = DeskProcess.MAIL_DELIVERY;
    static final String QUEUED_MAIL_ID = "queuedMailId";
    private static final String STAFF = "staff";

    private final QueuedMailRepository queue;
    private final RuntimeService runtime;
    private final Clock clock;

    MailOutbox(QueuedMailRepository queue, RuntimeService runtime, Clock clock) {
        this.queue = queue;
        this.runtime = runtime;
        this.clock = clock;
    }

    /**
     * Queues a mail; {@code reference} names the request it is about (its business key in Cockpit), or null.
     * Only the mail's id travels in the engine: its content stays in the desk's table.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(String reference, String kind, OutgoingMail mail) {
        QueuedMail queued = queue.save(new QueuedMail(reference, kind, mail, clock.instant()));
        runtime.startProcessInstanceByKey(DELIVERY_PROCESS, reference == null ? STAFF : reference,
                Map.of(QUEUED_MAIL_ID, queued.getId()));
    }

    @Transactional(readOnly = true)
    public long waiting() {
        return queue.countByDeliveredAtIsNull();
    }
}
