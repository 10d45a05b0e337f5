package dev.dsrdesk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsrdesk.support.FreshPostgresDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same lifecycle on a real PostgreSQL server, in a database created fresh for this run. */
class LifecycleOnPostgresOverHttpTest extends LifecycleOverHttpContract {

    @Autowired JdbcTemplate jdbc;

    @Test
    void theDatabaseRefusesToChangeOrRemoveAnAuditEvent() throws Exception {
        String reference = acceptedRequest("ERASURE", uniqueEmail());
        assertThat(jdbc.queryForObject("select count(*) from audit_event where reference = ?", Long.class, reference))
                .isGreaterThanOrEqualTo(3);

        assertThatThrownBy(() -> jdbc.update("update audit_event set actor = 'someone else' where reference = ?", reference))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_event where reference = ?", reference))
                .hasMessageContaining("append-only");
    }

    @Test
    void longQueuesArePlannedForTheirParametersWithStatisticsOnPermissionsAndWithoutJit() {
        assertThat(jdbc.queryForObject("show jit", String.class)).isEqualTo("off");
        assertThat(jdbc.queryForObject("show plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
        assertThat(jdbc.queryForList("select stxname from pg_statistic_ext where stxrelid = 'act_ru_authorization'::regclass",
                String.class)).contains("dsr_authorization_permissions");
    }

    private static final String DATABASE_URL = FreshPostgresDatabase.create();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        FreshPostgresDatabase.use(DATABASE_URL, registry);
    }
}
