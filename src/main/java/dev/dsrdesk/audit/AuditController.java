package dev.dsrdesk.audit;

import dev.dsrdesk.export.Csv;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Operators read a request's trail, oldest first, or take it away as a CSV file for a regulator. */
@RestController
@Tag(name = "Staff")
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/requests/{reference}/audit")
    @Operation(operationId = "readAuditTrail", summary = "A request's audit trail",
            description = """
                    For privacy operators (group dpo). Every event on the request, oldest first: received, each mail \
                    sent, verified, triaged, each entity's answer, extended, approved or sent back, downloaded, closed, \
                    purged — who, when and from where. Details never hold the requester's personal data. The trail is \
                    append-only: the database itself refuses to change or delete it.""")
    @SecurityRequirement(name = "staff")
    @ApiResponse(responseCode = "200", description = "The events, oldest first; none for a reference the desk does not know.")
    List<Entry> trail(@Parameter(description = "The request's reference", example = "DSR-2026-000042") @PathVariable String reference) {
        return trail.of(reference).stream()
                .map(event -> new Entry(event.getOccurredAt(), event.getEventType(), event.getActor(), event.getOrigin(),
                        event.getDetails()))
                .toList();
    }

    @GetMapping("/api/requests/{reference}/audit.csv")
    @Operation(operationId = "exportAuditTrail", summary = "A request's audit trail as a CSV file",
            description = """
                    For privacy operators (group dpo), e.g. for a supervisory authority: the same events as the JSON \
                    trail, one line each (at, event, actor, origin, details), UTF-8 with CRLF line ends, as an \
                    attachment `audit-{reference}.csv`. Cells a spreadsheet would run as a formula are defused.""")
    @SecurityRequirement(name = "staff")
    @ApiResponse(responseCode = "200", description = "The CSV file; only its header line for a reference the desk does not know.",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    ResponseEntity<byte[]> export(@Parameter(description = "The request's reference", example = "DSR-2026-000042")
                                  @PathVariable String reference) {
        StringBuilder csv = new StringBuilder("at,event,actor,origin,details\r\n");
        for (Entry entry : trail(reference)) {
            csv.append(String.join(",", entry.at().toString(), Csv.spreadsheetSafe(entry.event()),
                    Csv.spreadsheetSafe(entry.actor()), Csv.spreadsheetSafe(entry.origin()),
                    Csv.spreadsheetSafe(entry.details()))).append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("audit-" + reference + ".csv").build().toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Schema(description = "One event on the request.")
    record Entry(Instant at,
                 @Schema(description = "What happened", example = "VERIFIED") String event,
                 @Schema(description = "A user name, `requester` or `desk`", example = "operator") String actor,
                 @Schema(description = "The caller's address and the endpoint it called, or `background job`",
                         example = "203.0.113.7 POST /verify") String origin,
                 @Schema(description = "More about the event, without personal data") String details) {
    }
}
