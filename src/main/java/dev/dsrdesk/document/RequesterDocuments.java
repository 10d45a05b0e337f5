package dev.dsrdesk.document;

import dev.dsrdesk.audit.AuditTrail;
import dev.dsrdesk.request.RequestClosed;
import dev.dsrdesk.request.Requests;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents a requester sends for a request: evidence of identity, or the data subject's signed permission for an agent.
 * The desk keeps them in its own table (never in mail, never in the engine), takes only PDF, PNG and JPEG files known
 * by their first bytes and named as what they are, up to {@code dsr.documents.max-size}, shows them to operators only,
 * and removes them when the request closes (or, at the latest, with the retention purge).
 */
@Service
public class RequesterDocuments {

    static final int MAX_FILE_NAME = 255;
    /** Control characters and invisible formatting (a right-to-left override makes "gpj.pdf" read "fdp.jpg"). */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}]");

    private final JdbcTemplate jdbc;
    private final EntityManager entities;
    private final Requests requests;
    private final AuditTrail audit;
    private final DocumentSettings settings;
    private final MessageSource messages;
    private final Clock clock;

    RequesterDocuments(JdbcTemplate jdbc, EntityManager entities, Requests requests, AuditTrail audit, DocumentSettings settings,
                       MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.entities = entities;
        this.requests = requests;
        this.audit = audit;
        this.settings = settings;
        this.messages = messages;
        this.clock = clock;
    }

    /** Why the desk would refuse this file, or empty when it would take it. Stores nothing. */
    public Optional<DocumentRefusal> check(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            return Optional.of(DocumentRefusal.EMPTY);
        }
        String name = nameOf(fileName);
        if (name == null || name.length() > MAX_FILE_NAME || INVISIBLE.matcher(name).find()) {
            return Optional.of(DocumentRefusal.FILE_NAME);
        }
        if (content.length > settings.maxSize().toBytes()) {
            return Optional.of(DocumentRefusal.TOO_LARGE);
        }
        Optional<DocumentType> type = DocumentType.of(content);
        if (type.isEmpty()) {
            return Optional.of(DocumentRefusal.TYPE);
        }
        return type.get().isNamedBy(name) ? Optional.empty() : Optional.of(DocumentRefusal.EXTENSION);
    }

    /**
     * Stores a document for the request, in the caller's transaction, and returns its id; a file {@link #check} refuses
     * is refused here too ({@link DocumentRefused}) and nothing is stored.
     */
    @Transactional
    public long store(String reference, DocumentPurpose purpose, String fileName, byte[] content) {
        check(fileName, content).ifPresent(refusal -> {
            throw new DocumentRefused(refusal);
        });
        long requestId = requests.byReference(reference).getId();
        // the request may be new in this transaction, written by JPA: its row must exist before the one that names it
        entities.flush();
        DocumentType type = DocumentType.of(content).orElseThrow();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("""
                    insert into requester_document (request_id, purpose, media_type, file_name, size_bytes, content, received_at)
                    values (?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            insert.setLong(1, requestId);
            insert.setString(2, purpose.name());
            insert.setString(3, type.mediaType());
            insert.setString(4, nameOf(fileName));
            insert.setLong(5, content.length);
            insert.setBytes(6, content);
            insert.setTimestamp(7, Timestamp.from(clock.instant()));
            return insert;
        }, key);
        long id = key.getKey().longValue();
        audit.record(reference, "DOCUMENT_RECEIVED", "requester", "document " + id + " (" + purpose + ")");
        return id;
    }

    /** The request's documents, oldest first, without their content. */
    @Transactional(readOnly = true)
    public List<DocumentSummary> of(String reference) {
        return jdbc.query("""
                select d.id, d.purpose, d.media_type, d.size_bytes, d.file_name, d.received_at
                from requester_document d join data_subject_request r on r.id = d.request_id
                where r.reference = ? order by d.id""", RequesterDocuments::summary, reference);
    }

    /**
     * What a staff task form may say of the request's documents, without their names: "No documents",
     * "1 document: agent permission (PDF, 120 KB)", "2 documents: identity evidence (PDF, 1.2 MB), agent permission (PNG, 300 KB)".
     */
    @Transactional(readOnly = true)
    public String describeForStaff(String reference) {
        List<DocumentSummary> documents = of(reference);
        if (documents.isEmpty()) {
            return "No documents";
        }
        return documents.size() + (documents.size() == 1 ? " document: " : " documents: ")
                + String.join(", ", documents.stream().map(DocumentSummary::forStaff).toList());
    }

    /** A refusal's message in the requester's language, with the limit filled in: "must be at most 5 MB". */
    public String explain(DocumentRefusal refusal, Locale locale) {
        return messages.getMessage(refusal.messageKey(), null, locale).replace("{max}", maxSizeInWords());
    }

    /** The configured limit as a person reads it: "5 MB". */
    public String maxSizeInWords() {
        return DocumentSummary.size(settings.maxSize().toBytes()).replace(".0 MB", " MB");
    }

    /** One document of the request, with its content; empty when the request has no document of that id. */
    @Transactional(readOnly = true)
    Optional<StoredFile> file(String reference, long id) {
        return jdbc.query("""
                select d.id, d.purpose, d.media_type, d.content
                from requester_document d join data_subject_request r on r.id = d.request_id
                where r.reference = ? and d.id = ?""", (row, number) -> new StoredFile(row.getLong("id"),
                DocumentPurpose.valueOf(row.getString("purpose")), DocumentType.ofMediaType(row.getString("media_type")),
                row.getBytes("content")), reference, id).stream().findFirst();
    }

    /** A closed request needs no evidence any more: its documents go in the closure's transaction. */
    @EventListener
    void removeAtClosure(RequestClosed closed) {
        int removed = jdbc.update("""
                delete from requester_document
                where request_id = (select id from data_subject_request where reference = ?)""", closed.reference());
        if (removed > 0) {
            audit.record(closed.reference(), "DOCUMENTS_REMOVED", null, removed + (removed == 1 ? " document" : " documents")
                    + " removed at closure");
        }
    }

    /** The name without any folder a browser sent with it ("C:\fakepath\scan.pdf" is "scan.pdf"), trimmed. */
    private static String nameOf(String sent) {
        if (sent == null) {
            return null;
        }
        String name = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1).strip();
        return name.isEmpty() ? null : name;
    }

    private static DocumentSummary summary(ResultSet row, int number) throws SQLException {
        return new DocumentSummary(row.getLong("id"), DocumentPurpose.valueOf(row.getString("purpose")),
                DocumentType.ofMediaType(row.getString("media_type")), row.getLong("size_bytes"), row.getString("file_name"),
                row.getTimestamp("received_at").toInstant());
    }

    /** A document as the desk serves it, under a name of its own making. */
    record StoredFile(long id, DocumentPurpose purpose, DocumentType type, byte[] content) {

        /** "DSR-2026-000042-agent-permission-7.pdf": nothing the sender chose reaches a header. */
        String safeName(String reference) {
            return reference + "-" + purpose.forStaff().replace(' ', '-') + "-" + id + "." + type.extension();
        }
    }
}
