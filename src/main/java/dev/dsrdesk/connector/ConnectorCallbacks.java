package dev.dsrdesk.connector;

import dev.dsrdesk.security.TokenSecret;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The secrets in callback URLs: one per waiting step, stored as a hash, answered once. */
@Component
class ConnectorCallbacks {

    private final JdbcTemplate jdbc;

    ConnectorCallbacks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    TokenSecret issue(String storeId, String reference, String entityId, String processInstanceId, Instant now, Instant expiresAt) {
        TokenSecret secret = TokenSecret.generate();
        jdbc.update("""
                insert into connector_callback (token_hash, store_id, reference, entity_id, process_instance_id, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?)""", secret.hash(), storeId, reference, entityId, processInstanceId,
                Timestamp.from(now), Timestamp.from(expiresAt));
        return secret;
    }

    /** The waiting step behind a presented secret, if it is well-formed, known, unanswered and unexpired. */
    Optional<Waiting> waiting(String presented, Instant now) {
        return TokenSecret.presented(presented).flatMap(secret -> {
            List<Waiting> found = jdbc.query("""
                    select id, store_id, reference, entity_id, process_instance_id from connector_callback
                    where token_hash = ? and answered_at is null and expires_at > ?""",
                    (row, i) -> new Waiting(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5)),
                    secret.hash(), Timestamp.from(now));
            return found.stream().findFirst();
        });
    }

    void answered(Waiting waiting, Instant now) {
        jdbc.update("update connector_callback set answered_at = ? where id = ?", Timestamp.from(now), waiting.id());
    }

    record Waiting(long id, String storeId, String reference, String entityId, String processInstanceId) {
    }
}
