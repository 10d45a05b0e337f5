package dev.dsrdesk.requestpage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskOverHttp;
import dev.dsrdesk.support.DeskServerTest;
import dev.dsrdesk.support.MultipartBody;
import dev.dsrdesk.support.SampleFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The request's own page over real HTTP, reached as a requester reaches it: through the link in a mail that a real
 * SMTP server received. It shows where the request stands in the requester's language and no personal data beyond
 * the reference and the masked email; there the requester answers the desk's question, asks for a fresh download link
 * and withdraws — each acting only on the request the link belongs to.
 */
@DeskServerTest
class RequestPageTest {

    private static final Pattern PAGE_LINK = Pattern.compile("https?://\\S+(/request\\?token=[A-Za-z0-9_-]+)");
    private static final Pattern DOWNLOAD_LINK = Pattern.compile("https?://\\S+(/download\\?token=[A-Za-z0-9_-]+)");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired DeskDriver desk;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest(name = "in {0}")
    @CsvSource(delimiter = '|', textBlock = """
            en    | Your privacy request   | Waiting for you to confirm your email address   | We received your request.   | How we count: received
            it    | La sua richiesta privacy | In attesa che confermi il suo indirizzo email | Abbiamo ricevuto la sua richiesta. | Come lo calcoliamo: ricevuta il
            pt-BR | Sua solicitação de privacidade | Aguardando você confirmar seu endereço de e-mail | Recebemos sua solicitação. | Como contamos: recebida em
            """)
    void everyMailLinksToTheRequestsPageWhichSaysWhereItStandsInTheRequestersLanguage(String language, String title,
                                                                                       String status, String received,
                                                                                       String howCounted) throws Exception {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.submitTyping("Ada Lovelace", "my account 4711", language, "ACCESS", email, "IT", null);
        desk.runJobs(request.getReference());

        HttpResponse<String> page = get(pageLinkIn(desk.lastMailTo(email, request.getReference())));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.body()).contains("lang=\"" + language + "\"").contains(title + " " + request.getReference())
                .contains(status).contains(received).contains(email.charAt(0) + "•••@example.org")
                .as("the date says how it was computed").contains(howCounted).contains(" → ");
        assertThat(page.body()).as("the link may be forwarded: no personal data beyond the masked email")
                .doesNotContain(email).doesNotContain("Ada").doesNotContain("Lovelace").doesNotContain("4711");
    }

    @Test
    void eachMailCarriesAFreshLinkAndTheOlderOnesKeepWorking() throws Exception {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.awaitingVerification("ERASURE", email);
        List<String> bodies = desk.bodiesTo(email);
        assertThat(bodies).as("acknowledgement and verification link").hasSize(2);
        String newer = pageLinkIn(bodies.get(0));
        String older = pageLinkIn(bodies.get(1));

        assertThat(newer).isNotEqualTo(older);
        assertThat(get(newer).statusCode()).isEqualTo(200);
        assertThat(get(older).body()).contains(request.getReference());
        assertThat(jdbc.queryForObject("select count(*) from request_page_link l join data_subject_request r on r.id = l.request_id "
                + "where r.reference = ? and l.token_hash not like '%" + newer.substring(newer.indexOf('=') + 1) + "%'",
                Integer.class, request.getReference())).as("stored as hashes, never the secret").isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/request?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA, 410", "/request?token=../../etc, 400", "/request, 400"})
    void aLinkThatIsNoneOfOursOpensNothing(String path, int status) throws Exception {
        HttpResponse<String> page = get(path);

        assertThat(page.statusCode()).isEqualTo(status);
        assertThat(page.body()).contains("This link does not open a request").doesNotContain("DSR-");
    }

    // ---- questions

    @Test
    void theOperatorAsksAQuestionAndTheRequesterAnswersItOnThePageAndTheTaskComesBack() throws Exception {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.verifiedRequest("ACCESS", email);
        String reference = request.getReference();
        ask(reference, "Task_TriageRequest", "Which of your two accounts do you mean?", false);

        assertThat(desk.statusOf(reference)).isEqualTo("AWAITING_REQUESTER");
        assertThat(desk.taskOf(reference, "Task_TriageRequest")).as("triage waits for the answer").isNull();
        String questionMail = desk.lastMailTo(email, "A question about your privacy request " + reference);
        assertThat(questionMail).contains("Which of your two accounts do you mean?");
        String link = pageLinkIn(questionMail);
        Form page = Form.of(get(link));
        assertThat(page.body).contains("Waiting for your answer to our question").contains("Which of your two accounts do you mean?")
                .contains("name=\"answer\"");

        HttpResponse<String> answered = post("/request/answer", page, Map.of("token", tokenOf(link), "answer", "The one since 2019."));

        assertThat(answered.statusCode()).isEqualTo(302);
        assertThat(answered.headers().firstValue("Location").orElseThrow()).contains("done=ANSWERED");
        assertThat(desk.statusOf(reference)).isEqualTo("IN_TRIAGE");
        Task triage = desk.taskOf(reference, "Task_TriageRequest");
        assertThat(triage).as("the task that asked is back in Tasklist").isNotNull();
        assertThat((String) tasks.getVariableLocal(triage.getId(), "questionsAndAnswers"))
                .contains("Which of your two accounts do you mean?").contains("Answered").contains("The one since 2019.");
        assertThat(runtime.getVariables(desk.processOf(reference).getId())).as("the conversation stays out of the process")
                .doesNotContainKeys("question", "answer", "questionAboutIdentity");
        assertThat(get(link).body()).contains("You answered our question.").doesNotContain("The one since 2019.")
                .doesNotContain("name=\"answer\"");
        assertThat(auditOf(reference)).contains("QUESTION_ASKED", "QUESTION_ANSWERED");
    }

    @Test
    void anEmptyAnswerIsRefusedWithAMessageAndChangesNothing() throws Exception {
        String email = DeskDriver.uniqueEmail();
        String reference = desk.verifiedRequest("ACCESS", email).getReference();
        ask(reference, "Task_TriageRequest", "Which account?", false);
        String link = pageLinkIn(desk.lastMailTo(email, "A question"));
        Form page = Form.of(get(link));

        HttpResponse<String> refused = post("/request/answer", page, Map.of("token", tokenOf(link), "answer", "   "));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Please write your answer before sending it.");
        assertThat(desk.statusOf(reference)).isEqualTo("AWAITING_REQUESTER");
        assertThat(jdbc.queryForObject("select count(*) from requester_question q join data_subject_request r on r.id = q.request_id "
                + "where r.reference = ? and q.answered_at is null", Integer.class, reference)).isEqualTo(1);
    }

    @Test
    void anotherRequestsLinkCannotAnswerTheQuestion() throws Exception {
        String victimEmail = DeskDriver.uniqueEmail();
        String victim = desk.verifiedRequest("ACCESS", victimEmail).getReference();
        ask(victim, "Task_TriageRequest", "Which account?", false);
        String attackerEmail = DeskDriver.uniqueEmail();
        DataSubjectRequest attacker = desk.awaitingVerification("ACCESS", attackerEmail);
        String attackerLink = pageLinkIn(desk.lastMailTo(attackerEmail, attacker.getReference()));
        Form page = Form.of(get(attackerLink));

        HttpResponse<String> refused = post("/request/answer", page, Map.of("token", tokenOf(attackerLink),
                "answer", "forged", "reference", victim, "requestId", "1"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(desk.statusOf(victim)).isEqualTo("AWAITING_REQUESTER");
        assertThat(desk.statusOf(attacker.getReference())).isEqualTo("AWAITING_VERIFICATION");
        assertThat(jdbc.queryForObject("select count(*) from requester_question where answer_text = 'forged'", Integer.class)).isZero();
    }

    @Test
    void aQuestionLeftUnansweredClosesTheRequestWithAMailThatSaysWhyAndHowToAskAgain() {
        String email = DeskDriver.uniqueEmail();
        String reference = desk.verifiedRequest("ERASURE", email).getReference();
        ask(reference, "Task_TriageRequest", "Which account?", false);

        ProcessInstance question = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey("requester-question").singleResult();
        Job lapse = management.createJobQuery().processInstanceId(question.getId()).activityId("Event_AnswerWindowExpired").singleResult();
        management.executeJob(lapse.getId());
        desk.runJobs(reference);

        assertThat(desk.statusOf(reference)).isEqualTo("CLOSED_UNANSWERED");
        assertThat(desk.lastMailTo(email, "Your privacy request " + reference + " is closed"))
                .contains("did not receive an answer in time").contains("You are welcome to submit a new request");
        assertThat(desk.processOf(reference)).isNull();
    }

    // ---- a document with the answer to a question about identity

    @Test
    void anAnswerAboutIdentityMayBringADocumentThatOnlyTheDpoSees() throws Exception {
        String email = DeskDriver.uniqueEmail();
        String reference = desk.verifiedRequest("ACCESS", email).getReference();
        ask(reference, "Task_TriageRequest", "Please send a scan of an identity document.", true);
        String link = pageLinkIn(desk.lastMailTo(email, "A question"));
        Form page = Form.of(get(link));
        assertThat(page.body).contains("name=\"document\"").contains("enctype=\"multipart/form-data\"");
        byte[] scan = SampleFiles.pdf(200 * 1024);

        HttpResponse<String> answered = postWithFile(page, Map.of("token", tokenOf(link), "answer", "Here it is."), "passport.pdf", scan);

        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(302);
        assertThat(desk.statusOf(reference)).isEqualTo("IN_TRIAGE");
        assertThat(jdbc.queryForList("""
                select d.purpose from requester_document d join data_subject_request r on r.id = d.request_id
                where r.reference = ?""", String.class, reference)).containsExactly("IDENTITY_EVIDENCE");
        assertThat(jdbc.queryForObject("""
                select d.content from requester_document d join requester_question q on q.answer_document_id = d.id
                join data_subject_request r on r.id = q.request_id where r.reference = ?""", byte[].class, reference))
                .as("the answer names the document it came with").isEqualTo(scan);
        Task triage = desk.taskOf(reference, "Task_TriageRequest");
        assertThat((String) tasks.getVariableLocal(triage.getId(), "questionsAndAnswers"))
                .contains("with a document the DPO opens at /staff/requests/" + reference + "/documents").doesNotContain("passport.pdf");
        assertThat(desk.bodiesTo(email)).as("a requester's document is never mailed")
                .noneMatch(mail -> mail.contains("passport.pdf"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentsTheDeskRefuses")
    void aDocumentTheDeskCannotTakeIsRefusedWithAMessageAndNothingIsStoredOrAnswered(String what, String fileName, byte[] content,
                                                                                    String message) throws Exception {
        String email = DeskDriver.uniqueEmail();
        String reference = desk.verifiedRequest("ACCESS", email).getReference();
        ask(reference, "Task_TriageRequest", "Please send a scan of an identity document.", true);
        String link = pageLinkIn(desk.lastMailTo(email, "A question"));
        List<String> auditBefore = auditOf(reference);

        HttpResponse<String> refused = postWithFile(Form.of(get(link)), Map.of("token", tokenOf(link), "answer", "Here it is."),
                fileName, content);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("We have not taken your answer: the document " + message)
                .contains("aria-invalid=\"true\"").contains("name=\"document\"");
        assertThat(desk.statusOf(reference)).isEqualTo("AWAITING_REQUESTER");
        assertThat(jdbc.queryForObject("""
                select count(*) from requester_document d join data_subject_request r on r.id = d.request_id
                where r.reference = ?""", Integer.class, reference)).isZero();
        assertThat(jdbc.queryForObject("""
                select count(*) from requester_question q join data_subject_request r on r.id = q.request_id
                where r.reference = ? and q.answered_at is null""", Integer.class, reference)).isEqualTo(1);
        assertThat(auditOf(reference)).isEqualTo(auditBefore);
    }

    static Stream<Arguments> documentsTheDeskRefuses() {
        return Stream.of(
                Arguments.of("a web page named as a PDF", "passport.pdf", SampleFiles.html(), "must be a PDF, PNG or JPEG file"),
                Arguments.of("a PNG named as a PDF", "passport.pdf", SampleFiles.png(), "must have a name that ends as its type does"),
                Arguments.of("a PDF over 5 MB", "passport.pdf", SampleFiles.pdf(5 * 1024 * 1024 + 1), "must be at most 5 MB"),
                Arguments.of("an empty file", "passport.pdf", new byte[0], "is empty"));
    }

    @Test
    void aQuestionNotAboutIdentityTakesNoDocument() throws Exception {
        String email = DeskDriver.uniqueEmail();
        String reference = desk.verifiedRequest("ACCESS", email).getReference();
        ask(reference, "Task_TriageRequest", "Which account?", false);
        String link = pageLinkIn(desk.lastMailTo(email, "A question"));
        Form page = Form.of(get(link));
        assertThat(page.body).as("the page offers no file input").doesNotContain("name=\"document\"");

        HttpResponse<String> refused = postWithFile(page, Map.of("token", tokenOf(link), "answer", "The old one."), "scan.pdf",
                SampleFiles.pdf());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("This question does not ask for a document");
        assertThat(desk.statusOf(reference)).isEqualTo("AWAITING_REQUESTER");
        assertThat(jdbc.queryForObject("select count(*) from requester_document d join data_subject_request r on r.id = d.request_id "
                + "where r.reference = ?", Integer.class, reference)).isZero();
    }

    @Test
    void anIdentityAnswerWithTheFileInputLeftEmptyIsAnAnswerWithoutADocument() throws Exception {
        String email = DeskDriver.uniqueEmail();
        String reference = desk.verifiedRequest("ACCESS", email).getReference();
        ask(reference, "Task_TriageRequest", "What is your customer number?", true);
        String link = pageLinkIn(desk.lastMailTo(email, "A question"));

        HttpResponse<String> answered = postWithFile(Form.of(get(link)), Map.of("token", tokenOf(link), "answer", "C-1234"), "",
                new byte[0]);

        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(302);
        assertThat(desk.statusOf(reference)).isEqualTo("IN_TRIAGE");
        assertThat(jdbc.queryForObject("select count(*) from requester_document d join data_subject_request r on r.id = d.request_id "
                + "where r.reference = ?", Integer.class, reference)).isZero();
    }

    // ---- withdrawal

    @Test
    void theRequesterWithdrawsWhileTheEntitiesWorkAndEachEntityIsTold() throws Exception {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.acceptedRequest("ERASURE", email);
        String reference = request.getReference();
        List<String> entities = desk.entityTasks(reference).stream().map(DeskDriver::entityOf).toList();
        assertThat(entities).isNotEmpty();
        String link = pageLinkIn(desk.lastMailTo(email, reference));
        Form page = Form.of(get(link));
        assertThat(page.body).contains("Withdraw my request");

        HttpResponse<String> withdrawn = post("/request/withdraw", page, Map.of("token", tokenOf(link), "confirm", "yes"));
        desk.runJobs(reference);

        assertThat(withdrawn.statusCode()).isEqualTo(302);
        assertThat(desk.statusOf(reference)).isEqualTo("WITHDRAWN");
        assertThat(desk.entityTasks(reference)).as("the entities' tasks are gone").isEmpty();
        assertThat(jdbc.queryForList("select distinct state from entity_step where request_id = ? and state <> 'NOT_INVOLVED'",
                String.class, request.getId())).containsExactly("WITHDRAWN");
        assertThat(jdbc.queryForObject("select count(*) from staff_notice where reference = ? and kind = 'REQUEST_WITHDRAWN'",
                Integer.class, reference)).as("a notice to each entity's group").isPositive();
        assertThat(desk.lastMailTo(email, "Your privacy request " + reference + " is withdrawn")).contains("has been told");
        assertThat(get(link).body()).contains("Withdrawn by you").contains("You withdrew the request.")
                .doesNotContain("Withdraw my request");
        assertThat(auditOf(reference)).contains("WITHDRAWN", "CLOSED");
    }

    @Test
    void withdrawingNeedsTheTickAndAClosedRequestCannotBeWithdrawn() throws Exception {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest open = desk.verifiedRequest("ACCESS", email);
        String link = pageLinkIn(desk.lastMailTo(email, open.getReference()));
        HttpResponse<String> unticked = post("/request/withdraw", Form.of(get(link)), Map.of("token", tokenOf(link)));
        assertThat(unticked.statusCode()).isEqualTo(400);
        assertThat(unticked.body()).contains("Please tick the box");
        assertThat(desk.statusOf(open.getReference())).isEqualTo("IN_TRIAGE");

        String closedEmail = DeskDriver.uniqueEmail();
        DataSubjectRequest closed = desk.closedAccessRequest(closedEmail);
        String closedLink = pageLinkIn(desk.lastMailTo(closedEmail, "is complete"));
        HttpResponse<String> tooLate = post("/request/withdraw", Form.of(get(closedLink)), Map.of("token", tokenOf(closedLink), "confirm", "yes"));
        assertThat(tooLate.statusCode()).isEqualTo(409);
        assertThat(tooLate.body()).contains("can no longer be withdrawn");
        assertThat(desk.statusOf(closed.getReference())).isEqualTo("CLOSED");
        assertThat(auditOf(closed.getReference())).doesNotContain("WITHDRAWN");
    }

    // ---- a fresh download link

    @Test
    void aFreshDownloadLinkIsMailedAndTheOldOneStopsWorking() throws Exception {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.closedAccessRequest(email);
        String closure = desk.lastMailTo(email, "is complete");
        String oldDownload = linkIn(DOWNLOAD_LINK, closure);
        assertThat(get(oldDownload).statusCode()).isEqualTo(200);
        String link = pageLinkIn(closure);
        Form page = Form.of(get(link));
        assertThat(page.body).contains("Send me a new download link").doesNotContain("/download?token=");

        HttpResponse<String> sent = post("/request/download-link", page, Map.of("token", tokenOf(link)));
        desk.runJobs(request.getReference());

        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(get(oldDownload).statusCode()).as("the old link stops working").isEqualTo(410);
        String freshMail = desk.lastMailTo(email, "A new download link for your privacy request " + request.getReference());
        assertThat(freshMail).doesNotContain("kept.in.crm@example.org");
        String fresh = linkIn(DOWNLOAD_LINK, freshMail);
        assertThat(fresh).isNotEqualTo(oldDownload);
        assertThat(get(fresh).statusCode()).isEqualTo(200);
        assertThat(auditOf(request.getReference())).contains("DOWNLOAD_LINK_REISSUED");
    }

    @Test
    void freshDownloadLinksAreRateLimitedPerRequest() throws Exception {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.closedAccessRequest(email);
        String link = pageLinkIn(desk.lastMailTo(email, "is complete"));
        for (int i = 0; i < 3; i++) {
            assertThat(post("/request/download-link", Form.of(get(link)), Map.of("token", tokenOf(link))).statusCode()).isEqualTo(302);
        }
        desk.runJobs(request.getReference());
        int mails = desk.bodiesTo(email).size();

        HttpResponse<String> tooMany = post("/request/download-link", Form.of(get(link)), Map.of("token", tokenOf(link)));
        desk.runJobs(request.getReference());

        assertThat(tooMany.statusCode()).isEqualTo(429);
        assertThat(tooMany.headers().firstValue("Retry-After")).isPresent();
        assertThat(tooMany.body()).contains("We have sent several new links recently");
        assertThat(desk.bodiesTo(email)).as("no mail for the refused one").hasSize(mails);
    }

    @Test
    void aRequestWithoutAPackageOffersNoDownloadLink() throws Exception {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.verifiedRequest("ERASURE", email);
        String link = pageLinkIn(desk.lastMailTo(email, request.getReference()));
        Form page = Form.of(get(link));
        assertThat(page.body).doesNotContain("Send me a new download link");

        HttpResponse<String> refused = post("/request/download-link", page, Map.of("token", tokenOf(link)));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(jdbc.queryForObject("select count(*) from download_link where request_id = ?", Integer.class, request.getId())).isZero();
    }

    // ---- helpers

    private void ask(String reference, String taskKey, String question, boolean aboutIdentity) {
        desk.complete(desk.taskOf(reference, taskKey),
                Map.of("askRequester", true, "question", question, "questionAboutIdentity", aboutIdentity));
        desk.runJobs(reference);
    }

    private List<String> auditOf(String reference) {
        return jdbc.queryForList("select event_type from audit_event where reference = ? order by id", String.class, reference);
    }

    private static String pageLinkIn(String mail) {
        return linkIn(PAGE_LINK, mail);
    }

    private static String linkIn(Pattern pattern, String mail) {
        Matcher matcher = pattern.matcher(mail);
        assertThat(matcher.find()).as("a link in:%n%s", mail).isTrue();
        return matcher.group(1);
    }

    private static String tokenOf(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept-Language", "en").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Form page, Map<String, String> fields) throws Exception {
        Map<String, String> body = new LinkedHashMap<>(fields);
        body.put("_csrf", page.csrf);
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", page.session)
                .POST(HttpRequest.BodyPublishers.ofString(DeskOverHttp.form(body))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postWithFile(Form page, Map<String, String> fields, String fileName, byte[] content)
            throws Exception {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", page.csrf);
        MultipartBody body = new MultipartBody(all).file("document", fileName, content);
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/request/answer"))
                .header("Content-Type", body.contentType()).header("Cookie", page.session).header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A page as the browser holds it: its body, its session cookie and the CSRF token of its forms. */
    private record Form(String body, String session, String csrf) {
        static Form of(HttpResponse<String> page) {
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            Matcher csrf = CSRF.matcher(page.body());
            String token = csrf.find() ? csrf.group(1) : "";
            return new Form(page.body(), page.headers().firstValue("Set-Cookie").map(cookie -> cookie.split(";")[0]).orElse(""), token);
        }
    }
}
