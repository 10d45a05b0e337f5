package dev.dsrdesk.lifecycle;

import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The lifecycle on the embedded default database. */
class LifecycleOnH2OverHttpTest extends LifecycleOverHttpContract {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        mailServer(registry);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:http-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }
}
