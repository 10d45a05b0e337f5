package dev.dsrdesk.report;

import dev.dsrdesk.support.FreshPostgresDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same report of 2018, counted by the same queries on a real PostgreSQL server, in a database created fresh for this run. */
class PeriodReportOnPostgresTest extends PeriodReports2018 {

    private static final String DATABASE_URL = FreshPostgresDatabase.create();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        FreshPostgresDatabase.use(DATABASE_URL, registry);
    }
}
