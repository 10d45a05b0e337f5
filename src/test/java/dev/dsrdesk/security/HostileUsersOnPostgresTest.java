package dev.dsrdesk.security;

import dev.dsrdesk.support.FreshPostgresDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same attacks with the desk on a real PostgreSQL server, in a database created fresh for this run. */
class HostileUsersOnPostgresTest extends HostileUsers {

    private static final String DATABASE_URL = FreshPostgresDatabase.create();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        FreshPostgresDatabase.use(DATABASE_URL, registry);
    }
}
