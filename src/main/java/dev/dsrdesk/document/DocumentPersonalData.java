package dev.dsrdesk.document;

import dev.dsrdesk.request.PersonalDataHolder;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A request's documents normally go when it closes; any left (a request closed before the desk removed documents at
 * closure) go with the rest of its personal data.
 */
@Component
class DocumentPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    DocumentPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> personalDataColumns() {
        return Set.of("requester_document.file_name", "requester_document.content");
    }

    @Override
    public void erasePersonalData(ExpiredRequest request) {
        jdbc.update("delete from requester_document where request_id = ?", request.id());
    }
}
