package dev.dsrdesk.database;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells PostgreSQL's planner how many authorizations grant what. Camunda checks each task of a Tasklist filter
 * against its authorizations with {@code PERMS_ & 2 = 2}; without statistics on that expression the planner
 * guesses a few dozen matching rows where there are tens of thousands. Measured at 100,000 open tasks (issue 8):
 * after an ANALYZE it chose to join every task with every authorization, 10 s and more per count; with these
 * statistics it probes the authorization index per task, 0.14 s. They help plans made for the actual parameters,
 * which {@link PostgresConnections} asks for. Expression statistics need PostgreSQL 14.
 */
@Component
class AuthorizationStatistics {

    static final String NAME = "dsr_authorization_permissions";
    private static final Logger log = LoggerFactory.getLogger(AuthorizationStatistics.class);

    private final DataSource dataSource;

    /** The engine is a dependency so that its tables exist before this runs. */
    AuthorizationStatistics(DataSource dataSource, ProcessEngine engine) {
        this.dataSource = dataSource;
    }

    /**
     * Idempotent: every node may run it at every start; the next (auto)analyze fills the statistics. A node that
     * cannot (two nodes racing to create them, a role without the right) still starts: this is an optimisation.
     */
    @EventListener(ApplicationReadyEvent.class)
    void describePermissionsToThePlanner() {
        try {
            createStatistics();
        } catch (SQLException e) {
            log.warn("Could not create the planner statistics {} on act_ru_authorization: {}", NAME, e.getMessage());
        }
    }

    private void createStatistics() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData database = connection.getMetaData();
            if (!PostgresConnections.isPostgres(database.getURL())) {
                return;
            }
            if (database.getDatabaseMajorVersion() < 14) {
                log.info("PostgreSQL {} has no expression statistics; long Tasklist queues may be planned badly",
                        database.getDatabaseProductVersion());
                return;
            }
            try (Statement sql = connection.createStatement()) {
                sql.execute("create statistics if not exists " + NAME
                        + " on (perms_ & 2), (perms_ & 64) from act_ru_authorization");
            }
        }
    }
}
