package dev.dsrdesk.audit;

import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Operators read a request's trail, oldest first. */
@RestController
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/requests/{reference}/audit")
    List<Entry> trail(@PathVariable String reference) {
        return trail.of(reference).stream()
                .map(event -> new Entry(event.getOccurredAt(), event.getEventType(), event.getActor(), event.getDetails()))
                .toList();
    }

    record Entry(Instant at, String event, String actor, String details) {
    }
}
