package dev.dsrdesk.agent;

import dev.dsrdesk.request.PersonalDataHolder;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The record keeps that an agent made the request and what was decided of the permission; it loses who the agent was
 * and what the operator noted of the permission.
 */
@Component
class AgentPersonalData implements PersonalDataHolder {

    static final String PURGED = "[purged]";

    private final JdbcTemplate jdbc;

    AgentPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> personalDataColumns() {
        return Set.of("authorized_agent.name", "authorized_agent.email", "authorized_agent.organisation",
                "authorized_agent.permission_note");
    }

    @Override
    public void erasePersonalData(ExpiredRequest request) {
        jdbc.update("update authorized_agent set name = ?, email = ?, organisation = null, permission_note = null where request_id = ?",
                PURGED, PURGED, request.id());
    }
}
