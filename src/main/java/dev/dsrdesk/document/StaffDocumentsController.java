package dev.dsrdesk.document;

import dev.dsrdesk.audit.AuditTrail;
import dev.dsrdesk.process.StaffDates;
import dev.dsrdesk.request.Requests;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Clock;
import java.util.NoSuchElementException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Operators (group dpo, as every /staff page) see a request's documents and open them; every look is audited with the
 * document's id and purpose. A document is served as the type its first bytes say, never sniffed, under a name the desk
 * makes, as an attachment, sandboxed: a file crafted to run as a page in the desk's origin runs nowhere.
 */
@Controller
class StaffDocumentsController {

    /** Nothing loads, nothing runs, no form posts, even if a browser were to render the file. */
    static final String SANDBOX = "default-src 'none'; sandbox";

    private final RequesterDocuments documents;
    private final Requests requests;
    private final AuditTrail audit;
    private final Clock clock;

    StaffDocumentsController(RequesterDocuments documents, Requests requests, AuditTrail audit, Clock clock) {
        this.documents = documents;
        this.requests = requests;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/staff/requests/{reference}/documents")
    @Transactional
    String list(@PathVariable String reference, Principal operator, Model model, HttpServletResponse response) {
        try {
            requests.byReference(reference);
        } catch (NoSuchElementException unknown) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No request " + reference);
        }
        audit.record(reference, "DOCUMENTS_LISTED", operator.getName(), null);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("reference", reference);
        model.addAttribute("documents", documents.of(reference).stream()
                .map(document -> new Listed(document, StaffDates.moment(document.receivedAt(), clock.getZone()))).toList());
        return "staff-documents";
    }

    @GetMapping("/staff/requests/{reference}/documents/{id}")
    @Transactional
    ResponseEntity<byte[]> open(@PathVariable String reference, @PathVariable long id, Principal operator) {
        RequesterDocuments.StoredFile file = documents.file(reference, id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such document of " + reference));
        audit.record(reference, "DOCUMENT_OPENED", operator.getName(), "document " + file.id() + " (" + file.purpose() + ")");
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.type().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.safeName(reference)).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", SANDBOX)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(file.content());
    }

    /** A document as the page lists it, its reception as staff read dates. */
    record Listed(DocumentSummary document, String receivedAt) {
    }
}
