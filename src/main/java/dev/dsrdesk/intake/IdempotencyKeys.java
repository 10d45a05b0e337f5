package dev.dsrdesk.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.security.TokenSecret;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * The {@code Idempotency-Key} of intake: the first submission under a key creates the request, in the same
 * transaction as the key; a retry with the same key and the same submission gets that request back, whether it
 * arrives after the first or at the same moment (the key's primary key decides); the same key with a different
 * submission is refused with 422.
 */
@Component
class IdempotencyKeys {

    static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    IdempotencyKeys(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** The key and what was submitted under it, both hashed: a client's key is its own business. */
    Claim claim(String key, RequestSubmission submission, String caller) {
        if (!VALID.matcher(key).matches()) {
            throw problem(HttpStatus.BAD_REQUEST, HEADER + " must be 1 to 255 visible ASCII characters (a UUID, say).");
        }
        try {
            String fingerprint = new TokenSecret(json.writeValueAsString(submission) + "\n" + caller).hash();
            return new Claim(new TokenSecret(key).hash(), fingerprint);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a validated submission is always writable", e);
        }
    }

    /** The reference created earlier under this key, if any. */
    @Transactional(readOnly = true)
    Optional<String> earlier(Claim claim) {
        List<Claim.Row> rows = jdbc.query("select fingerprint, reference from intake_idempotency_key where key_hash = ?",
                (row, i) -> new Claim.Row(row.getString(1), row.getString(2)), claim.keyHash());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        if (!rows.get(0).fingerprint().equals(claim.fingerprint())) {
            throw problem(HttpStatus.UNPROCESSABLE_ENTITY,
                    "This " + HEADER + " was used for a different request; use a new key for a new request.");
        }
        return Optional.of(rows.get(0).reference());
    }

    /** Runs the intake and records the key in its transaction; a concurrent twin loses on the key and rolls back. */
    @Transactional
    DataSubjectRequest firstUnder(Claim claim, Supplier<DataSubjectRequest> intake) {
        DataSubjectRequest request = intake.get();
        jdbc.update("insert into intake_idempotency_key (key_hash, fingerprint, reference, created_at) values (?, ?, ?, ?)",
                claim.keyHash(), claim.fingerprint(), request.getReference(), Timestamp.from(clock.instant()));
        return request;
    }

    static boolean lostTheRace(RuntimeException e) {
        return e instanceof DuplicateKeyException;
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("header", HEADER);
        return new ErrorResponseException(status, problem, null);
    }

    record Claim(String keyHash, String fingerprint) {
        record Row(String fingerprint, String reference) {
        }
    }
}
