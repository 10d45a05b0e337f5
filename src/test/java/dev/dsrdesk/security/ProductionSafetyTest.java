package dev.dsrdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The prod profile names every development default still in use and refuses to start. */
class ProductionSafetyTest {

    private final ProductionSafety safety = new ProductionSafety();

    @Test
    void prodRefusesTheDevelopmentDefaultsNamingEachSetting() {
        StandardEnvironment environment = environment(Map.of(
                "camunda.bpm.admin-user.password", "admin",
                "dsr.demo-users.enabled", "true",
                "dsr.demo.history-months", "12",
                "spring.datasource.url", "jdbc:h2:file:./data/dsr-desk",
                "dsr.suppression.hash-key", ProductionSafety.DEV_SUPPRESSION_KEY));
        environment.setActiveProfiles("prod");

        assertThatThrownBy(() -> safety.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("camunda.bpm.admin-user.password")
                .hasMessageContaining("dsr.demo-users.enabled")
                .hasMessageContaining("dsr.demo.history-months")
                .hasMessageContaining("spring.datasource.url")
                .hasMessageContaining("spring.mail.host")
                .hasMessageContaining("dsr.suppression.hash-key");
    }

    @Test
    void prodStartsWithRealSettings() {
        StandardEnvironment environment = environment(Map.of(
                "camunda.bpm.admin-user.password", "a-long-real-secret",
                "dsr.demo-users.enabled", "false",
                "spring.datasource.url", "jdbc:postgresql://db:5432/dsrdesk",
                "spring.mail.host", "smtp.interactivemedia.example",
                "dsr.suppression.hash-key", "another-long-real-secret"));
        environment.setActiveProfiles("prod");

        safety.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getActiveProfiles()).containsExactly("prod");
    }

    @Test
    void theDefaultProfileKeepsItsConveniences() {
        StandardEnvironment environment = environment(Map.of("camunda.bpm.admin-user.password", "admin"));

        safety.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("camunda.bpm.admin-user.password")).isEqualTo("admin");
    }

    @Test
    void theRealApplicationRefusesToStartInProdOnItsDefaults() {
        assertThatThrownBy(() -> new SpringApplication(dev.dsrdesk.DsrDeskApplication.class)
                .run("--spring.profiles.active=prod", "--server.port=0"))
                .hasStackTraceContaining("The prod profile refuses to start with development defaults")
                .hasStackTraceContaining("spring.datasource.url");
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
