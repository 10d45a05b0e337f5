package dev.dsrdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrdesk.intake.AgentSubmission;
import dev.dsrdesk.intake.IntakeService;
import dev.dsrdesk.intake.PermissionDocument;
import dev.dsrdesk.intake.RequestSubmission;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.verification.IdentityVerification;
import dev.dsrdesk.verification.VerificationResult;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;

/** Plays requester and staff against the real application, running the engine's jobs as the job executor would. */
@TestComponent
public class DeskDriver {

    private static final Pattern DOWNLOAD_LINK = Pattern.compile("https?://\\S+/download\\?token=([A-Za-z0-9_-]+)");
    private static final Pattern VERIFY_LINK = Pattern.compile("https?://\\S+/verify\\?token=([A-Za-z0-9_-]+)");

    private final IntakeService intake;
    private final IdentityVerification verification;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final JdbcTemplate jdbc;
    private final Mailbox mailbox;

    DeskDriver(IntakeService intake, IdentityVerification verification, RuntimeService runtime, TaskService tasks,
               ManagementService management, JdbcTemplate jdbc, ObjectProvider<Mailbox> smtpMailbox) {
        this.intake = intake;
        this.verification = verification;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.jdbc = jdbc;
        // the requester's mail: the dev mailbox, unless the context sends to a real SMTP server (SharedSmtpServer)
        this.mailbox = smtpMailbox.getIfAvailable(() -> this::devMailboxBodies);
    }

    public static String uniqueEmail() {
        return "subject+" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    public DataSubjectRequest submit(String type, String email) {
        return submit(type, email, "IT", null);
    }

    public DataSubjectRequest submit(String type, String email, String country, String region) {
        return submitIn("en", type, email, country, region);
    }

    /** A request whose requester reads the given language (en, it, pt-BR), as the public page would store it. */
    public DataSubjectRequest submitIn(String language, String type, String email, String country, String region) {
        return submitTyping("Ada Lovelace", "Customer since 2019", language, type, email, country, region);
    }

    /** A request whose requester typed this name and these details on the public page. */
    public DataSubjectRequest submitTyping(String fullName, String details, String language, String type, String email,
                                           String country, String region) {
        RequestSubmission submission = new RequestSubmission();
        submission.setType(type);
        submission.setFullName(fullName);
        submission.setEmail(email);
        submission.setCountry(country);
        submission.setRegion(region);
        submission.setDetails(details);
        return intake.submit(submission, language);
    }

    /**
     * A request an authorized agent ("Paolo Bianchi" of "Privacy Agents Inc.") makes for the data subject at
     * {@code email}, with a signed permission (a PDF), as the public page would store it; acknowledged, the link mailed.
     */
    public DataSubjectRequest submitByAgent(String type, String email, String agentEmail) {
        return submitByAgentIn("en", type, email, agentEmail);
    }

    /** As {@link #submitByAgent}, the agent writing in a language of the desk (en, it, pt-BR). */
    public DataSubjectRequest submitByAgentIn(String language, String type, String email, String agentEmail) {
        RequestSubmission submission = new RequestSubmission();
        submission.setType(type);
        submission.setFullName("Ada Lovelace");
        submission.setEmail(email);
        submission.setCountry("US");
        submission.setRegion("US-CA");
        AgentSubmission agent = new AgentSubmission();
        agent.setName("Paolo Bianchi");
        agent.setEmail(agentEmail);
        agent.setOrganisation("Privacy Agents Inc.");
        agent.setPermission(new PermissionDocument("permission.pdf", SampleFiles.base64(SampleFiles.pdf())));
        submission.setAgent(agent);
        DataSubjectRequest request = intake.submit(submission, language);
        runJobs(request.getReference());
        return request;
    }

    /** An operator enters a request received by post, phone, in person or email to the desk. */
    public DataSubjectRequest enteredByStaff(String type, String email, String channel, String receivedAt) {
        return enteredByStaffTyping("Grace Hopper", null, "en", type, email, channel, receivedAt);
    }

    /** An operator enters a request, copying the name and details as the letter or call gave them. */
    public DataSubjectRequest enteredByStaffTyping(String fullName, String details, String language, String type,
                                                   String email, String channel, String receivedAt) {
        RequestSubmission submission = new RequestSubmission();
        submission.setType(type);
        submission.setFullName(fullName);
        submission.setEmail(email);
        submission.setCountry("BR");
        submission.setDetails(details);
        submission.setChannel(channel);
        submission.setReceivedAt(receivedAt);
        DataSubjectRequest request = intake.submitForRequester(submission, "operator", language);
        runJobs(request.getReference());
        return request;
    }

    public ProcessInstance processOf(String reference) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey("data-subject-request").singleResult();
    }

    /** Runs every due job of the request and its entity steps, as the job executor would, until none is left. */
    public void runJobs(String reference) {
        for (int round = 0; round < 50; round++) {
            List<Job> due = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).list().stream()
                    .flatMap(pi -> management.createJobQuery().processInstanceId(pi.getId()).executable().list().stream())
                    .toList();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("jobs of " + reference + " keep coming");
    }

    /**
     * Runs the request's jobs as the job executor would over hours, running failing ones again until one has spent
     * its retries and stands as an incident; returns that job.
     */
    public Job runJobsUntilIncident(String reference) {
        for (int attempt = 0; attempt < 30; attempt++) {
            try {
                runJobs(reference);
            } catch (RuntimeException failed) {
                // the engine recorded the failure and counted a retry down
            }
            for (Job job : failingJobsOf(reference)) {
                if (job.getRetries() == 0) {
                    return job;
                }
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException stillFailing) {
                    // counted down again
                }
            }
        }
        throw new AssertionError("no job of " + reference + " ran out of retries");
    }

    /** The jobs of the request and its entity steps whose last run failed. */
    public List<Job> failingJobsOf(String reference) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).list().stream()
                .flatMap(pi -> management.createJobQuery().processInstanceId(pi.getId()).withException().list().stream())
                .toList();
    }

    /** The process instance of one entity's step of a request. */
    public String entityStepProcess(String reference, String entityId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("entity-fulfilment")
                .processInstanceBusinessKey(reference).variableValueEquals("entityId", entityId).singleResult().getId();
    }

    /** Delivers the staff mail waiting in the outbox (digests), as the job executor would. */
    public void deliverStaffMail() {
        runJobs("staff");
    }

    private List<String> devMailboxBodies(String email, String subjectPart) {
        return jdbc.queryForList("select body from dev_mail where recipient = ? and subject like ? order by id desc",
                String.class, email, "%" + subjectPart + "%");
    }

    /** The subjects of the mail to a recipient in the dev mailbox, in order of arrival. */
    public List<String> mailSubjectsTo(String email) {
        return jdbc.queryForList("select subject from dev_mail where recipient = ? order by id", String.class, email);
    }

    /** Every mail to a recipient, newest first. */
    public List<String> bodiesTo(String email) {
        return mailbox.bodies(email, "");
    }

    public String lastMailTo(String email, String subjectPart) {
        List<String> bodies = mailbox.bodies(email, subjectPart);
        assertThat(bodies).as("mail to %s about '%s'", email, subjectPart).isNotEmpty();
        return bodies.get(0);
    }

    /** Bodies of the mails to a recipient whose subject contains a text, newest first. */
    @FunctionalInterface
    public interface Mailbox {
        List<String> bodies(String recipient, String subjectPart);
    }

    public String verificationSecretIn(String mailBody) {
        Matcher matcher = VERIFY_LINK.matcher(mailBody);
        assertThat(matcher.find()).as("a /verify link in:%n%s", mailBody).isTrue();
        return matcher.group(1);
    }

    /** The requester opens the latest link and presses confirm. */
    public VerificationResult verify(String email) {
        return verification.confirm(latestVerificationSecret(email));
    }

    public Task taskOf(String reference, String taskDefinitionKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskDefinitionKey)
                .singleResult();
    }

    public List<Task> entityTasks(String reference) {
        return tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey("Task_FulfilEntityStep")
                .orderByTaskName().asc().list();
    }

    /** Entity task names read "DSR-…: ACTION (entity-id)". */
    public static String actionOf(Task entityTask) {
        String name = entityTask.getName();
        return name.substring(name.indexOf(": ") + 2, name.lastIndexOf(" ("));
    }

    public static String entityOf(Task entityTask) {
        String name = entityTask.getName();
        return name.substring(name.lastIndexOf('(') + 1, name.length() - 1);
    }

    /** A complete DONE answer for an entity task, with what its action asks for (task names read "…: ACTION (entity)"). */
    public static Map<String, Object> doneAnswer(Task entityTask) {
        String action = actionOf(entityTask);
        return switch (action) {
            case "EXPORT" -> Map.of("outcome", "DONE", "records",
                    "[{\"category\":\"Contact information\",\"field\":\"email\",\"value\":\"ada.secret@example.org\",\"source\":\"CRM\"}]");
            case "ERASE" -> Map.of("outcome", "DONE", "actionTaken", "Contact record deleted from the CRM",
                    "retained", "Invoice header", "retentionReason", "Italian tax law: invoices are kept ten years",
                    "recipientsNotified", "Mailing service provider");
            case "RECTIFY" -> Map.of("outcome", "DONE", "valueBefore", "old.secret.value", "valueAfter", "new.secret.value");
            default -> Map.of("outcome", "DONE", "actionTaken", "Marked in the CRM: " + action.toLowerCase());
        };
    }

    public void complete(Task task, Map<String, Object> variables) {
        tasks.complete(task.getId(), variables);
    }

    /** Submitted and acknowledged: the verification link is in the requester's mailbox. */
    public DataSubjectRequest awaitingVerification(String type, String email) {
        DataSubjectRequest request = submit(type, email);
        runJobs(request.getReference());
        return request;
    }

    /** Submitted and verified: the request waits for triage. */
    public DataSubjectRequest verifiedRequest(String type, String email) {
        DataSubjectRequest request = awaitingVerification(type, email);
        assertThat(verify(email).verified()).isTrue();
        return request;
    }

    /** Submitted, verified and accepted: the request is fanned out to the entities. */
    public DataSubjectRequest acceptedRequest(String type, String email) {
        DataSubjectRequest request = verifiedRequest(type, email);
        complete(taskOf(request.getReference(), "Task_TriageRequest"), Map.of("decision", "ACCEPT"));
        return request;
    }

    /** An ACCESS request answered (Rome holds one record, kept.in.crm@example.org), approved and closed with a download link. */
    public DataSubjectRequest closedAccessRequest(String email) {
        DataSubjectRequest request = acceptedRequest("ACCESS", email);
        answerAcceptedAccessRequest(request);
        return request;
    }

    /** An accepted ACCESS request answered as in {@link #closedAccessRequest}, approved and closed with a download link. */
    public void answerAcceptedAccessRequest(DataSubjectRequest request) {
        entityTasks(request.getReference()).forEach(step -> complete(step, entityOf(step).equals("rome")
                ? Map.of("outcome", "DONE", "records",
                        "[{\"category\":\"Contact information\",\"field\":\"email\",\"value\":\"kept.in.crm@example.org\",\"source\":\"CRM\"}]")
                : Map.of("outcome", "NO_DATA")));
        runJobs(request.getReference());
        complete(taskOf(request.getReference(), "Task_ReviewResponse"), Map.of("approved", true));
        runJobs(request.getReference());
    }

    /** The secret of the download link in the closure mail (in any language), which never holds the data itself. */
    public String downloadSecret(String email) {
        String closure = mailbox.bodies(email, "").stream()
                .filter(body -> DOWNLOAD_LINK.matcher(body).find())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no mail to " + email + " holds a /download link"));
        assertThat(closure).doesNotContain("kept.in.crm@example.org");
        Matcher matcher = DOWNLOAD_LINK.matcher(closure);
        assertThat(matcher.find()).as("a download link in:%n%s", closure).isTrue();
        return matcher.group(1);
    }

    /** The secret of the latest verification link mailed to the requester, whatever language the mail is in. */
    public String latestVerificationSecret(String email) {
        return mailbox.bodies(email, "").stream()
                .filter(body -> VERIFY_LINK.matcher(body).find())
                .findFirst()
                .map(this::verificationSecretIn)
                .orElseThrow(() -> new AssertionError("no mail to " + email + " holds a /verify link"));
    }

    public String statusOf(String reference) {
        return jdbc.queryForObject("select status from data_subject_request where reference = ?", String.class, reference);
    }
}
