package dev.dsrdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrdesk.deadline.Extensions;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskOverHttp;
import dev.dsrdesk.support.DeskServerTest;
import dev.dsrdesk.support.GreenMailbox;
import dev.dsrdesk.support.SharedSmtpServer;
import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Anyone can type a stranger's address and a phishing line as their "name": the desk must not relay it with its own
 * sender. Until the address is proven its mails carry only the desk's words, the reference and the desk's own links;
 * after that the name may greet the requester, but nothing typed is ever a link. Read as the stranger's mail server
 * receives it (GreenMail), headers included, in every language the desk writes.
 */
@DeskServerTest
class TypedTextRelayTest {

    private static final String PHISHING_NAME = "Visit http://evil.example/login now";
    private static final String PHISHING_DETAILS = "Your account is locked: log in at https://evil.example/x or www.evil.example";

    @Autowired DeskDriver desk;
    @Autowired ManagementService management;
    @Autowired Extensions extensions;
    @Autowired LinkSettings links;
    @Autowired JdbcTemplate jdbc;

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"en", "it", "pt-BR"})
    void aSelfServiceRequestNeverConfirmedRelaysNothingItsRequesterTyped(String language) throws Exception {
        String stranger = DeskDriver.uniqueEmail();
        DataSubjectRequest request = phishingRequestAwaitingVerification(language, stranger);
        extensions.extend(request.getReference(), 1, "Every company of the group must be asked", "operator");
        fireTimer(request, "Event_VerificationReminderDue");
        fireTimer(request, "Event_VerificationWindowExpired");

        assertThat(kindsOfMailTo(request)).containsExactlyInAnyOrder(
                "ACKNOWLEDGEMENT", "VERIFICATION_LINK", "EXTENSION", "VERIFICATION_REMINDER", "CLOSED_UNVERIFIED");
        List<MimeMessage> mails = receivedBy(stranger);
        assertThat(mails).hasSize(5);
        for (MimeMessage mail : mails) {
            assertCarriesNoTypedText(mail);
        }
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"en", "it", "pt-BR"})
    void aRequestEnteredByStaffAndRefusedRelaysNothingTheLetterSaid(String language) throws Exception {
        String stranger = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.enteredByStaffTyping(PHISHING_NAME, PHISHING_DETAILS, language, "ACCESS", stranger,
                "POST", LocalDate.now(ZoneId.of("Europe/Rome")).toString());
        desk.complete(desk.taskOf(request.getReference(), "Task_ReviewIdentity"), Map.of("identityVerified", false,
                "identityEvidence", "Unsigned letter, no customer record", "refusalReason", "The letter is not signed."));
        desk.runJobs(request.getReference());

        assertThat(kindsOfMailTo(request)).containsExactlyInAnyOrder("ACKNOWLEDGEMENT", "IDENTITY_REFUSAL");
        for (MimeMessage mail : receivedBy(stranger)) {
            assertCarriesNoTypedText(mail);
        }
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"en", "it", "pt-BR"})
    void onceTheAddressIsProvenTheNameGreetsButNothingTypedIsALink(String language) throws Exception {
        String requester = DeskDriver.uniqueEmail();
        DataSubjectRequest request = phishingRequestAwaitingVerification(language, requester);
        assertThat(desk.verify(requester).verified()).isTrue();
        desk.complete(desk.taskOf(request.getReference(), "Task_TriageRequest"), Map.of("decision", "ACCEPT"));
        desk.answerAcceptedAccessRequest(request);

        assertThat(kindsOfMailTo(request)).contains("CLOSURE");
        String closure = desk.lastMailTo(requester, request.getReference());
        assertThat(closure).as("the requester is greeted by the name, its host broken").contains("Visit evil[.]example/login now,");
        for (MimeMessage mail : receivedBy(requester)) {
            assertCarriesNoTypedLink(mail);
        }
    }

    /** Not a word of the name, nor anything else typed: headers included, since a client shows them first. */
    private void assertCarriesNoTypedText(MimeMessage mail) throws Exception {
        String body = GreenMailbox.textOf(mail);
        assertThat(body).as("%s", mail.getSubject()).doesNotContainIgnoringCase("Visit").doesNotContainIgnoringCase("login")
                .doesNotContainIgnoringCase("evil").doesNotContainIgnoringCase("account is locked");
        assertCarriesNoTypedLink(mail);
    }

    /** The attacker's host in no form a client would link, and every link in the mail one of the desk's own. */
    private void assertCarriesNoTypedLink(MimeMessage mail) throws Exception {
        String body = GreenMailbox.textOf(mail);
        assertThat(body).as("%s", mail.getSubject()).doesNotContainIgnoringCase("http://evil")
                .doesNotContainIgnoringCase("https://evil").doesNotContainIgnoringCase("www.evil")
                .doesNotContainIgnoringCase("evil.example");
        assertThat(DeskOverHttp.links(body)).allSatisfy(link -> assertThat(link).startsWith(links.to("/")));
        assertThat(mail.getSubject()).doesNotContainIgnoringCase("evil").doesNotContainIgnoringCase("Visit");
        for (Address address : headerAddresses(mail)) {
            assertThat(((InternetAddress) address).getPersonal()).as("display name of %s", address).isNull();
        }
    }

    private static List<Address> headerAddresses(MimeMessage mail) throws Exception {
        return Arrays.stream(new Address[][] {mail.getFrom(), mail.getAllRecipients(), mail.getReplyTo()})
                .filter(addresses -> addresses != null).flatMap(Arrays::stream).toList();
    }

    /** Typed on the public page with a stranger's (or, later proven, the requester's own) address. */
    private DataSubjectRequest phishingRequestAwaitingVerification(String language, String email) {
        DataSubjectRequest request = desk.submitTyping(PHISHING_NAME, PHISHING_DETAILS, language, "ACCESS", email, "IT", null);
        desk.runJobs(request.getReference());
        return request;
    }

    private List<MimeMessage> receivedBy(String recipient) {
        return Arrays.stream(SharedSmtpServer.server().getReceivedMessages()).filter(mail -> GreenMailbox.addressedTo(mail, recipient)).toList();
    }

    private List<String> kindsOfMailTo(DataSubjectRequest request) {
        return jdbc.queryForList("select kind from queued_mail where reference = ?", String.class, request.getReference());
    }

    private void fireTimer(DataSubjectRequest request, String activityId) {
        management.executeJob(management.createJobQuery().timers().processInstanceId(desk.processOf(request.getReference()).getId())
                .activityId(activityId).singleResult().getId());
        desk.runJobs(request.getReference());
    }
}
