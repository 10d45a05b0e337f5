package dev.dsrdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.MapPropertySource;
import java.util.Map;

/** The dev mailbox exists in the demo and the tests only; never in prod, whatever else is active or set. */
class DevMailboxProfilesTest {

    @ParameterizedTest(name = "profiles [{0}], spring.mail.host [{1}] → {2}")
    @CsvSource({
            "'',             '',        true",   // the default run: spring.profiles.default is demo
            "demo,           '',        true",
            "test,           '',        true",
            "demo,           smtp.example, false",
            "prod,           '',        false",
            "prod;demo;test, '',        false",
            "postgres,       '',        false"})
    void theDevMailboxExistsOnlyForTheDemoAndTheTests(String profiles, String mailHost, boolean enabled) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setDefaultProfiles("demo");
        if (!profiles.isBlank()) {
            environment.setActiveProfiles(profiles.split(";"));
        }
        if (!mailHost.isBlank()) {
            environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("spring.mail.host", mailHost)));
        }

        assertThat(DevMailboxEnabled.enabled(environment)).isEqualTo(enabled);
    }
}
