package dev.dsrdesk.response;

import dev.dsrdesk.request.PersonalDataHolder;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The answer's download links, and when they were used, go with the request's personal data. */
@Component
class DownloadPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    DownloadPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> personalDataColumns() {
        return Set.of("download_link.token_hash");
    }

    @Override
    public void erasePersonalData(ExpiredRequest request) {
        jdbc.update("delete from download_event where download_link_id in (select id from download_link where request_id = ?)",
                request.id());
        jdbc.update("delete from download_link where request_id = ?", request.id());
    }
}
