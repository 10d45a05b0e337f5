package dev.dsrdesk.connector;

import dev.dsrdesk.request.PersonalDataHolder;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The secrets a processor answered the request's steps with go with the request. */
@Component
class CallbackPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    CallbackPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> personalDataColumns() {
        return Set.of("connector_callback.token_hash");
    }

    @Override
    public void erasePersonalData(ExpiredRequest request) {
        jdbc.update("delete from connector_callback where reference = ?", request.reference());
    }
}
