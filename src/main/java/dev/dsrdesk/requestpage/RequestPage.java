package dev.dsrdesk.requestpage;

import dev.dsrdesk.audit.AuditEvent;
import dev.dsrdesk.audit.AuditTrail;
import dev.dsrdesk.deadline.DueDateInWords;
import dev.dsrdesk.fulfilment.EntityRouting;
import dev.dsrdesk.question.RequesterQuestion;
import dev.dsrdesk.question.RequesterQuestions;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.RequestStatus;
import dev.dsrdesk.response.DownloadLinks;
import dev.dsrdesk.withdrawal.Withdrawals;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the request's page shows, from the desk's own records: where the request stands, what happened when, the
 * statutory date and what, if anything, the desk waits for from the requester. The link may have been forwarded, so
 * the page names no one: the reference and the masked email are all it shows of the requester.
 */
@Component
class RequestPage {

    private final RequesterQuestions questions;
    private final EntityRouting routing;
    private final AuditTrail audit;
    private final DownloadLinks downloads;
    private final Withdrawals withdrawals;
    private final MessageSource messages;
    private final DueDateInWords dueDates;

    RequestPage(RequesterQuestions questions, EntityRouting routing, AuditTrail audit, DownloadLinks downloads,
                Withdrawals withdrawals, MessageSource messages, DueDateInWords dueDates) {
        this.dueDates = dueDates;
        this.messages = messages;
        this.questions = questions;
        this.routing = routing;
        this.audit = audit;
        this.downloads = downloads;
        this.withdrawals = withdrawals;
    }

    @Transactional(readOnly = true)
    View of(DataSubjectRequest request, Locale locale) {
        List<RequesterQuestion> asked = questions.of(request);
        Optional<RequesterQuestion> open = request.getStatus() == RequestStatus.AWAITING_REQUESTER
                ? asked.stream().filter(RequesterQuestion::isOpen).findFirst() : Optional.empty();
        return new View(request.getReference(), maskedEmail(request.getEmail()), request.getType().name(),
                request.getStatus().name(), request.getStatus().isFinal(), request.effectiveDueDate(),
                dueDates.forRequester(request, locale).orElse(null),
                request.getClockPausedAt() != null, timeline(request, asked, locale),
                open.map(RequesterQuestion::getQuestionText).orElse(null),
                open.map(RequesterQuestion::isAboutIdentity).orElse(false),
                open.map(question -> questions.lapsesAt(question)).orElse(null),
                withdrawals.canWithdraw(request), downloads.hasPackage(request));
    }

    private List<Entry> timeline(DataSubjectRequest request, List<RequesterQuestion> asked, Locale locale) {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(request.getReceivedAt(), "received"));
        if (request.getVerifiedAt() != null) {
            entries.add(new Entry(request.getVerifiedAt(), "verified"));
        }
        long organisations = routing.involvedCount(request.getReference());
        for (AuditEvent event : audit.of(request.getReference())) {
            switch (event.getEventType()) {
                case "TRIAGED" -> {
                    if ("ACCEPT".equals(event.getDetails()) && organisations > 0) {
                        entries.add(new Entry(event.getOccurredAt(), "handled", organisations));
                    }
                }
                case "DOWNLOAD_LINK_REISSUED" -> entries.add(new Entry(event.getOccurredAt(), "freshLink"));
                default -> { }
            }
        }
        for (RequesterQuestion question : asked) {
            entries.add(new Entry(question.getAskedAt(), question.isAboutIdentity() ? "askedAboutIdentity" : "asked"));
            if (question.pausesClock()) {
                entries.add(new Entry(question.getAskedAt(), "clockPaused"));
            }
            if (question.getAnsweredAt() != null) {
                entries.add(new Entry(question.getAnsweredAt(), "answered"));
                if (question.pausesClock()) {
                    entries.add(new Entry(question.getAnsweredAt(), "clockRunsAgain"));
                }
            }
        }
        if (request.getExtendedAt() != null) {
            DateTimeFormatter day = DateTimeFormatter.ofPattern(messages.getMessage("format.date", null, locale), locale);
            entries.add(new Entry(request.getExtendedAt(), "extended", day.format(request.getExtendedDueDate()),
                    request.getExtensionReason()));
        }
        if (request.getClosedAt() != null) {
            entries.add(new Entry(request.getClosedAt(), "closed." + request.getStatus().name()));
        }
        entries.sort(Comparator.comparing(Entry::when));
        return entries;
    }

    /** Enough for the requester to recognise their address, too little for anyone else to learn it. */
    static String maskedEmail(String email) {
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "•••";
        }
        return email.charAt(0) + "•••" + email.substring(at);
    }

    /** The page's content; {@code status} and each entry's {@code event} name a sentence in the requester's language. */
    public record View(String reference, String maskedEmail, String type, String status, boolean closed, LocalDate dueDate,
                String dueDateReasoning, boolean clockPaused, List<Entry> timeline, String openQuestion, boolean openQuestionAboutIdentity,
                Instant answerBy, boolean canWithdraw,
                boolean canAskForFreshDownloadLink) {

        public boolean awaitingVerification() {
            return RequestStatus.AWAITING_VERIFICATION.name().equals(status);
        }
    }

    /** One line of the timeline: when, what (a message key under {@code requestPage.timeline.}) and its values. */
    public record Entry(Instant when, String event, Object... values) {
    }
}
