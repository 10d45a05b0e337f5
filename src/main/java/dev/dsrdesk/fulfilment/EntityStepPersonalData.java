package dev.dsrdesk.fulfilment;

import dev.dsrdesk.request.PersonalDataHolder;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each entity step keeps which entity did what and when, and loses what it found and wrote about the requester: the
 * records, notes, values before and after, what was kept, who else was told, the rows that possibly matched.
 */
@Component
class EntityStepPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    EntityStepPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> personalDataColumns() {
        return Set.of("entity_step.notes", "entity_step.records_json", "entity_step.action_taken", "entity_step.retained",
                "entity_step.value_before", "entity_step.value_after", "entity_step.recipients_notified",
                "entity_step.possible_matches");
    }

    @Override
    public void erasePersonalData(ExpiredRequest request) {
        jdbc.update("""
                update entity_step set notes = null, records_json = null, action_taken = null, retained = null,
                       value_before = null, value_after = null, recipients_notified = null, possible_matches = null
                where request_id = ?""", request.id());
    }
}
