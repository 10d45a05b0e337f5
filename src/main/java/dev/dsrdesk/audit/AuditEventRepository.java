package dev.dsrdesk.audit;

import java.util.List;
import org.springframework.data.repository.Repository;

/** Append and read; the trail offers no way to change or remove an event. */
interface AuditEventRepository extends Repository<AuditEvent, Long> {

    AuditEvent save(AuditEvent event);

    List<AuditEvent> findByReferenceOrderByIdAsc(String reference);
}
