package dev.dsrdesk.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.retention.RetentionPurge;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskTest;
import dev.dsrdesk.support.SampleFiles;
import java.time.Clock;
import java.time.Period;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A requester's documents: only PDF, PNG and JPEG, known by their content and named as what they are, up to
 * dsr.documents.max-size (5 MB); refused with a message in the requester's language and nothing stored; kept by the
 * desk until the request closes.
 */
@DeskTest
class RequesterDocumentsTest {

    private static final int FIVE_MB = 5 * 1024 * 1024;

    @Autowired RequesterDocuments documents;
    @Autowired DeskDriver desk;
    @Autowired JdbcTemplate jdbc;
    @Autowired RetentionPurge retention;
    @Autowired Clock clock;

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("a page named as a PDF", "permission.pdf", SampleFiles.html(), DocumentRefusal.TYPE),
                Arguments.of("a page under its own name", "permission.html", SampleFiles.html(), DocumentRefusal.TYPE),
                Arguments.of("a PNG named .pdf", "permission.pdf", SampleFiles.png(), DocumentRefusal.EXTENSION),
                Arguments.of("a PDF named .jpg", "permission.jpg", SampleFiles.pdf(), DocumentRefusal.EXTENSION),
                Arguments.of("a PDF without an extension", "permission", SampleFiles.pdf(), DocumentRefusal.EXTENSION),
                Arguments.of("a PDF named .pdf.exe", "permission.pdf.exe", SampleFiles.pdf(), DocumentRefusal.EXTENSION),
                Arguments.of("one byte over 5 MB", "permission.pdf", SampleFiles.pdf(FIVE_MB + 1), DocumentRefusal.TOO_LARGE),
                Arguments.of("no bytes", "permission.pdf", new byte[0], DocumentRefusal.EMPTY),
                Arguments.of("no name", " ", SampleFiles.pdf(), DocumentRefusal.FILE_NAME),
                Arguments.of("a name with a line break", "permission\r\n.pdf", SampleFiles.pdf(), DocumentRefusal.FILE_NAME),
                Arguments.of("a name that reverses itself", "permission\u202Efdp.pdf", SampleFiles.pdf(), DocumentRefusal.FILE_NAME),
                Arguments.of("a name of 256 characters", "p".repeat(252) + ".pdf", SampleFiles.pdf(), DocumentRefusal.FILE_NAME));
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("refused")
    void aFileTheDeskDoesNotTakeIsRefusedWithAReasonAndNothingIsStored(String what, String name, byte[] content,
                                                                      DocumentRefusal reason) {
        DataSubjectRequest request = desk.awaitingVerification("ACCESS", DeskDriver.uniqueEmail());
        long stored = count();
        long audited = audited(request.getReference());

        assertThat(documents.check(name, content)).contains(reason);
        assertThatThrownBy(() -> documents.store(request.getReference(), DocumentPurpose.IDENTITY_EVIDENCE, name, content))
                .isInstanceOfSatisfying(DocumentRefused.class, refused -> assertThat(refused.refusal()).isEqualTo(reason));

        assertThat(count()).isEqualTo(stored);
        assertThat(audited(request.getReference())).isEqualTo(audited);
    }

    @Test
    void aPdfAPngAndAJpegNamedAsWhatTheyAreAreTakenUpToTheLimit() {
        assertThat(documents.check("permission.pdf", SampleFiles.pdf(FIVE_MB))).isEmpty();
        assertThat(documents.check("ID card.PNG", SampleFiles.png())).isEmpty();
        assertThat(documents.check("C:\\fakepath\\scan.jpeg", SampleFiles.jpeg())).as("a browser's folder is not the name").isEmpty();
        assertThat(documents.check("scan.jpg", SampleFiles.jpeg())).isEmpty();
    }

    @Test
    void eachRefusalIsToldInTheRequestersLanguageWithTheLimit() {
        assertThat(documents.explain(DocumentRefusal.TOO_LARGE, Locale.ENGLISH)).isEqualTo("must be at most 5 MB");
        assertThat(documents.explain(DocumentRefusal.TOO_LARGE, Locale.ITALIAN)).isEqualTo("può essere al massimo di 5 MB");
        assertThat(documents.explain(DocumentRefusal.TYPE, Locale.forLanguageTag("pt-BR"))).isEqualTo("deve ser um arquivo PDF, PNG ou JPEG");
        for (DocumentRefusal refusal : DocumentRefusal.values()) {
            for (Locale language : new Locale[] {Locale.ENGLISH, Locale.ITALIAN, Locale.forLanguageTag("pt-BR")}) {
                assertThat(documents.explain(refusal, language)).as("%s in %s", refusal, language)
                        .isNotBlank().doesNotContain("{").doesNotContain("??");
            }
        }
    }

    @Test
    void aStoredDocumentIsListedForStaffByPurposeTypeAndSizeAndAuditedWithoutItsName() {
        DataSubjectRequest request = desk.awaitingVerification("ACCESS", DeskDriver.uniqueEmail());
        assertThat(documents.describeForStaff(request.getReference())).isEqualTo("No documents");

        long first = documents.store(request.getReference(), DocumentPurpose.IDENTITY_EVIDENCE, "Ada Lovelace passport.pdf",
                SampleFiles.pdf(1_258_291));
        documents.store(request.getReference(), DocumentPurpose.AGENT_PERMISSION, "signed.png", SampleFiles.png());

        assertThat(documents.describeForStaff(request.getReference()))
                .isEqualTo("2 documents: identity evidence (PDF, 1.2 MB), agent permission (PNG, 2 KB)");
        assertThat(documents.of(request.getReference())).extracting(DocumentSummary::fileName)
                .containsExactly("Ada Lovelace passport.pdf", "signed.png");
        assertThat(jdbc.queryForList("select details from audit_event where reference = ? and event_type = 'DOCUMENT_RECEIVED'",
                String.class, request.getReference()))
                .containsExactly("document " + first + " (IDENTITY_EVIDENCE)", "document " + (first + 1) + " (AGENT_PERMISSION)");
        assertThat(documents.file(request.getReference(), first)).hasValueSatisfying(file -> {
            assertThat(file.type()).isEqualTo(DocumentType.PDF);
            assertThat(file.safeName(request.getReference())).isEqualTo(request.getReference() + "-identity-evidence-" + first + ".pdf");
        });
        assertThat(documents.file("DSR-2000-000001", first)).as("only under its own request").isEmpty();
    }

    @Test
    void aRequestsDocumentsAreRemovedWhenItClosesAndTheTrailSaysHowMany() {
        DataSubjectRequest request = desk.acceptedRequest("ACCESS", DeskDriver.uniqueEmail());
        documents.store(request.getReference(), DocumentPurpose.IDENTITY_EVIDENCE, "id.jpg", SampleFiles.jpeg());
        assertThat(documents.of(request.getReference())).hasSize(1);

        desk.answerAcceptedAccessRequest(request);

        assertThat(desk.statusOf(request.getReference())).isEqualTo("CLOSED");
        assertThat(jdbc.queryForObject("select count(*) from requester_document where request_id = ?", Long.class,
                request.getId())).isZero();
        assertThat(jdbc.queryForList("select details from audit_event where reference = ? and event_type = 'DOCUMENTS_REMOVED'",
                String.class, request.getReference())).containsExactly("1 document removed at closure");
    }

    @Test
    void theRetentionPurgeRemovesAnyDocumentLeft() {
        DataSubjectRequest request = desk.closedAccessRequest(DeskDriver.uniqueEmail());
        // a document left behind, as a request closed before documents went at closure would have
        jdbc.update("""
                insert into requester_document (request_id, purpose, media_type, file_name, size_bytes, content, received_at)
                values (?, 'IDENTITY_EVIDENCE', 'application/pdf', 'left.pdf', 3, ?, current_timestamp)""",
                request.getId(), new byte[] {1, 2, 3});

        retention.purgeAsOf(clock.instant().atZone(clock.getZone()).plus(Period.ofYears(3)).plusDays(1).toInstant());

        assertThat(jdbc.queryForObject("select count(*) from requester_document where request_id = ?", Long.class,
                request.getId())).isZero();
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from requester_document", Long.class);
    }

    private long audited(String reference) {
        return jdbc.queryForObject("select count(*) from audit_event where reference = ?", Long.class, reference);
    }
}
