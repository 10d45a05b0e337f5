package dev.dsrdesk.intake;

import dev.dsrdesk.request.PersonalDataHolder;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The fingerprint of what was submitted (to answer a resent form with the same request) goes with the request. */
@Component
class IdempotencyPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    IdempotencyPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> personalDataColumns() {
        return Set.of("intake_idempotency_key.key_hash", "intake_idempotency_key.fingerprint");
    }

    @Override
    public void erasePersonalData(ExpiredRequest request) {
        jdbc.update("delete from intake_idempotency_key where reference = ?", request.reference());
    }
}
