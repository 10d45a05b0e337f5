package dev.dsrdesk.security;

import dev.dsrdesk.support.FreshPostgresDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same attacks with the desk on a real PostgreSQL server, in a database created fresh for this run. */
class HostileUsersOnPostgresTest extends HostileUsers {

    private static final String DATABASE_URL = FreshPostgresDatabase.create();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE_URL);
        registry.add("spring.datasource.username", FreshPostgresDatabase::user);
        registry.add("spring.datasource.password", FreshPostgresDatabase::password);
    }
}
