package dev.dsrdesk.request;

import java.sql.Timestamp;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The request record keeps what proves compliance (reference, right, country, dates, statuses) and loses who asked and
 * what they wrote, and the operator's reasons for an extension.
 */
@Component
class RequestPersonalData implements PersonalDataHolder {

    static final String PURGED = "[purged]";

    private final JdbcTemplate jdbc;

    RequestPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> personalDataColumns() {
        return Set.of("data_subject_request.full_name", "data_subject_request.email", "data_subject_request.phone",
                "data_subject_request.details", "data_subject_request.identity_evidence",
                "data_subject_request.extension_reason");
    }

    @Override
    public void erasePersonalData(ExpiredRequest request) {
        jdbc.update("""
                update data_subject_request set full_name = ?, email = ?, phone = null, details = null,
                       identity_evidence = null, extension_reason = null, purged_at = ?, version = version + 1
                where id = ?""", PURGED, PURGED, Timestamp.from(request.purgedAt()), request.id());
    }
}
