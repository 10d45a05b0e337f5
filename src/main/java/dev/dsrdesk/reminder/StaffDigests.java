package dev.dsrdesk.reminder;

import dev.dsrdesk.notification.MailSettings;
import dev.dsrdesk.notification.MailOutbox;
import dev.dsrdesk.notification.OutgoingMail;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** One mail per person with everything the desk has to tell them since the last digest (process staff-digest). */
@Component("staffDigests")
public class StaffDigests {

    private final StaffNoticeRepository notices;
    private final MailOutbox outbox;
    private final MailSettings settings;
    private final Clock clock;

    StaffDigests(StaffNoticeRepository notices, MailOutbox outbox, MailSettings settings, Clock clock) {
        this.notices = notices;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /** Returns how many people got a digest. */
    @Transactional
    public int sendAll() {
        Map<String, List<StaffNotice>> byPerson = new LinkedHashMap<>();
        for (StaffNotice notice : notices.findBySentAtIsNullOrderByUserIdAscIdAsc()) {
            byPerson.computeIfAbsent(notice.getEmail(), email -> new java.util.ArrayList<>()).add(notice);
        }
        byPerson.forEach((email, pending) -> {
            StringBuilder body = new StringBuilder("Hello ").append(pending.get(0).getUserId())
                    .append(",\n\nthe privacy desk needs your attention:\n\n");
            pending.forEach(notice -> body.append("- [").append(label(notice.getKind())).append("] ")
                    .append(notice.getText()).append('\n'));
            body.append("\nOpen Tasklist to act: your tasks are sorted by due date.\n\n").append(settings.deskName()).append('\n');
            outbox.enqueue(null, "STAFF_DIGEST", new OutgoingMail(email,
                    "Privacy desk: " + pending.size() + " item(s) need your attention", body.toString()));
            pending.forEach(notice -> notice.sent(clock.instant()));
        });
        return byPerson.size();
    }

    private static String label(NoticeKind kind) {
        return switch (kind) {
            case STEP_REMINDER -> "due soon";
            case STEP_LATE -> "late";
            case DEADLINE_NEAR -> "statutory date near";
            case DEADLINE_BREACHED -> "statutory date passed";
            case FAILED_SIGN_INS -> "failed sign-ins";
            case REQUEST_WITHDRAWN -> "withdrawn";
            case REQUESTER_ANSWERED -> "requester answered";
        };
    }
}
