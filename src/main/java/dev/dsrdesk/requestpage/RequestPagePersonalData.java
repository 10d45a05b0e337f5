package dev.dsrdesk.requestpage;

import dev.dsrdesk.request.PersonalDataHolder;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The links to a request's page open it only while the request keeps its data: they go with it. */
@Component
class RequestPagePersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    RequestPagePersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> personalDataColumns() {
        return Set.of("request_page_link.token_hash");
    }

    @Override
    public void erasePersonalData(ExpiredRequest request) {
        jdbc.update("delete from request_page_link where request_id = ?", request.id());
    }
}
