package dev.dsrdesk.audit;

import dev.dsrdesk.export.Csv;
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
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/requests/{reference}/audit")
    List<Entry> trail(@PathVariable String reference) {
        return trail.of(reference).stream()
                .map(event -> new Entry(event.getOccurredAt(), event.getEventType(), event.getActor(), event.getOrigin(),
                        event.getDetails()))
                .toList();
    }

    @GetMapping("/api/requests/{reference}/audit.csv")
    ResponseEntity<byte[]> export(@PathVariable String reference) {
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

    record Entry(Instant at, String event, String actor, String origin, String details) {
    }
}
