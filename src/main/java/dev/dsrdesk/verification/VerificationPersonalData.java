package dev.dsrdesk.verification;

import dev.dsrdesk.request.PersonalDataHolder;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A request's verification links, spent or not, go with its personal data. */
@Component
class VerificationPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    VerificationPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> personalDataColumns() {
        return Set.of("verification_token.token_hash");
    }

    @Override
    public void erasePersonalData(ExpiredRequest request) {
        jdbc.update("delete from verification_token where request_id = ?", request.id());
    }
}
