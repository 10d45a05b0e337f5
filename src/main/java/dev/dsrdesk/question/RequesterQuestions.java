package dev.dsrdesk.question;

import dev.dsrdesk.audit.AuditTrail;
import dev.dsrdesk.deadline.DeadlineSettings;
import dev.dsrdesk.document.DocumentPurpose;
import dev.dsrdesk.document.DocumentRefused;
import dev.dsrdesk.document.RequesterDocuments;
import dev.dsrdesk.notification.RequesterMail;
import dev.dsrdesk.notification.RequesterMessage;
import dev.dsrdesk.process.DeskProcess;
import dev.dsrdesk.process.StaffDates;
import dev.dsrdesk.process.TaskActor;
import dev.dsrdesk.process.TaskInput;
import dev.dsrdesk.reminder.StaffNotices;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.RequestStatus;
import dev.dsrdesk.request.Requests;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Questions to the requester (GDPR Art. 12(2), 12(6)): an operator asks one from triage, identity review or revision
 * instead of deciding, the process {@code requester-question} mails it and waits, and the requester's answer on the
 * request page sends the request back to the task that asked. A question about identity stops the statutory clock
 * where {@code dsr.deadlines.identity-questions-pause-clock} holds; the period then runs in full from the answer.
 */
@Service
public class RequesterQuestions {

    /** The form fields every asking task shares. */
    static final String ASK_REQUESTER = "askRequester";
    static final String QUESTION = "question";
    static final String ABOUT_IDENTITY = "questionAboutIdentity";
    static final int MAX_QUESTION = 2000;
    /** The asking tasks' read-only field: every question so far and its answer. */
    public static final String QUESTIONS_AND_ANSWERS = "questionsAndAnswers";
    public static final int MAX_ANSWER = 4000;
    /** Where an operator of group {@code dpo} sees the request's documents ({@code document.StaffDocumentsController}). */
    private static final String DOCUMENTS_PAGE = "/staff/requests/%s/documents";
    /** The message the waiting {@code requester-question} process catches. */
    static final String ANSWERED = "RequesterAnswered";

    private final RequesterQuestionRepository questions;
    private final Requests requests;
    private final RequesterMail mail;
    private final AuditTrail audit;
    private final RuntimeService runtime;
    private final StaffNotices notices;
    private final RequesterDocuments documents;
    private final QuestionSettings settings;
    private final DeadlineSettings deadlines;
    private final Clock clock;

    RequesterQuestions(RequesterQuestionRepository questions, Requests requests, RequesterMail mail, AuditTrail audit,
                       RuntimeService runtime, StaffNotices notices, RequesterDocuments documents, QuestionSettings settings,
                       DeadlineSettings deadlines, Clock clock) {
        this.notices = notices;
        this.documents = documents;
        this.questions = questions;
        this.requests = requests;
        this.mail = mail;
        this.audit = audit;
        this.runtime = runtime;
        this.settings = settings;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /**
     * For an asking task's complete listener: whether the operator asked the requester a question instead of deciding.
     * If so the question is stored here (never in the process) and the process variable {@code askRequester} says so
     * to the diagram; the task's own decision fields are then not needed.
     */
    @Transactional
    public boolean askedOn(DelegateTask task, AskedAt step) {
        TaskInput input = TaskInput.of(task);
        boolean ask = input.flag(ASK_REQUESTER);
        task.getExecution().setVariable(ASK_REQUESTER, ask);
        if (!ask) {
            task.getExecution().removeVariables(List.of(QUESTION, ABOUT_IDENTITY));
            return false;
        }
        String text = input.requiredText(QUESTION, MAX_QUESTION, "when asking the requester: it is sent to them as written");
        boolean aboutIdentity = input.flag(ABOUT_IDENTITY);
        String reference = task.getExecution().getProcessBusinessKey();
        DataSubjectRequest request = requests.byReference(reference);
        if (openQuestion(request).isPresent()) {
            throw TaskInput.refused(ASK_REQUESTER, "A question to the requester is already open on " + reference);
        }
        boolean pausesClock = aboutIdentity && deadlines.identityQuestionsPauseClock() && requests.pauseClock(reference);
        // a completion through the engine's API without a signed-in user names no one: the desk asked
        String askedBy = Optional.ofNullable(TaskActor.of(task)).orElse(AuditTrail.SYSTEM);
        questions.save(new RequesterQuestion(request.getId(), step, aboutIdentity, pausesClock, text, askedBy, clock.instant()));
        requests.enter(reference, RequestStatus.AWAITING_REQUESTER.name());
        audit.record(reference, "QUESTION_ASKED", askedBy,
                step.name() + (aboutIdentity ? ", about identity" : "") + (pausesClock ? ", clock paused" : ""));
        task.getExecution().removeVariables(List.of(QUESTION, ABOUT_IDENTITY));
        return true;
    }

    /** The {@code requester-question} process's first step: the question goes out with the request page's link. */
    @Transactional
    public void send(String reference) {
        DataSubjectRequest request = requests.byReference(reference);
        RequesterQuestion question = openQuestionOf(request);
        mail.send(request, RequesterMessage.QUESTION, Map.of("question", question.getQuestionText(),
                "answerBy", Date.from(lapsesAt(question))));
    }

    @Transactional(readOnly = true)
    public Date remindAt(String reference) {
        return Date.from(plus(openQuestionOf(requests.byReference(reference)).getAskedAt(), settings.remindAfter()));
    }

    @Transactional(readOnly = true)
    public Date lapsesAt(String reference) {
        return Date.from(lapsesAt(openQuestionOf(requests.byReference(reference))));
    }

    @Transactional
    public void remind(String reference) {
        DataSubjectRequest request = requests.byReference(reference);
        RequesterQuestion question = openQuestionOf(request);
        question.reminded(clock.instant());
        mail.send(request, RequesterMessage.QUESTION_REMINDER, Map.of("question", question.getQuestionText(),
                "answerBy", Date.from(lapsesAt(question))));
    }

    /** No answer came in time: the request closes, and the requester is told why and how to ask again. */
    @Transactional
    public void closeUnanswered(String reference) {
        DataSubjectRequest request = requests.byReference(reference);
        openQuestion(request).ifPresent(question -> question.lapsed(clock.instant()));
        mail.send(request, RequesterMessage.CLOSED_UNANSWERED, Map.of());
    }

    /**
     * The requester's answer, from the request page, with a document where the question is about identity. In one
     * transaction: the document is stored, the answer is stored, the clock runs again if the question stopped it, and
     * the waiting process goes back to the task that asked. A refused answer or document ({@link AnswerRefused},
     * {@link DocumentRefused}) leaves everything as it was.
     */
    @Transactional
    public void answer(DataSubjectRequest request, String typed, AnswerDocument document) {
        RequesterQuestion question = openQuestion(request)
                .filter(open -> request.getStatus() == RequestStatus.AWAITING_REQUESTER)
                .orElseThrow(() -> new AnswerRefused("requestPage.answer.noQuestion"));
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw new AnswerRefused("requestPage.answer.empty");
        }
        if (text.length() > MAX_ANSWER) {
            throw new AnswerRefused("requestPage.answer.tooLong");
        }
        if (document != null && !question.isAboutIdentity()) {
            throw new AnswerRefused("requestPage.answer.noDocumentAsked");
        }
        Long documentId = document == null ? null
                : documents.store(request.getReference(), DocumentPurpose.IDENTITY_EVIDENCE, document.fileName(), document.content());
        Instant now = clock.instant();
        question.answered(text, documentId, now);
        String reference = request.getReference();
        requests.enter(reference, question.getAskedAtStep().statusWhenAnswered().name());
        if (question.pausesClock()) {
            requests.resumeClockFrom(reference, now);
        }
        audit.record(reference, "QUESTION_ANSWERED", "requester", question.getAskedAtStep().name());
        ProcessInstance waiting = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(DeskProcess.REQUESTER_QUESTION).singleResult();
        if (waiting == null) {
            throw new AnswerRefused("requestPage.answer.noQuestion");
        }
        runtime.createMessageCorrelation(ANSWERED).processInstanceId(waiting.getId()).correlate();
        notices.tellOperatorsAnswered(reference);
    }

    @Transactional(readOnly = true)
    public Optional<RequesterQuestion> openQuestion(DataSubjectRequest request) {
        return of(request).stream().filter(RequesterQuestion::isOpen).findFirst();
    }

    @Transactional(readOnly = true)
    public List<RequesterQuestion> of(DataSubjectRequest request) {
        return questions.findByRequestIdOrderByAskedAtAscIdAsc(request.getId());
    }

    /** When an open question lapses: the request closes then without an answer. */
    public Instant lapsesAt(RequesterQuestion question) {
        return plus(question.getAskedAt(), settings.answerWithin());
    }

    /** For the asking tasks' forms: every question so far and its answer, oldest first. */
    @Transactional(readOnly = true)
    public String conversation(String reference) {
        List<RequesterQuestion> asked = of(requests.byReference(reference));
        if (asked.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (RequesterQuestion question : asked) {
            text.append("Asked ").append(StaffDates.moment(question.getAskedAt(), clock.getZone()))
                    .append(" by ").append(question.getAskedBy())
                    .append(question.isAboutIdentity() ? " (about identity)" : "").append(":\n")
                    .append(question.getQuestionText()).append("\n");
            if (question.getAnsweredAt() != null) {
                text.append("Answered ").append(StaffDates.moment(question.getAnsweredAt(), clock.getZone()))
                        .append(question.getAnswerDocumentId() == null ? "" : ", with a document the DPO opens at "
                                + DOCUMENTS_PAGE.formatted(reference))
                        .append(":\n")
                        .append(question.getAnswerText()).append("\n");
            } else if (question.getLapsedAt() != null) {
                text.append("Not answered in time.\n");
            } else {
                text.append("Waiting for the answer.\n");
            }
            text.append("\n");
        }
        return text.toString().strip();
    }

    private RequesterQuestion openQuestionOf(DataSubjectRequest request) {
        return openQuestion(request).orElseThrow(() ->
                new IllegalStateException("No open question to the requester on " + request.getReference()));
    }

    private Instant plus(Instant from, Period period) {
        return from.atZone(clock.getZone()).plus(period).toInstant();
    }
}
