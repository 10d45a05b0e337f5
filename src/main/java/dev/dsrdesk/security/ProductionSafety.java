package dev.dsrdesk.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * In the {@code prod} profile the desk refuses to start while a development default is in use: the admin
 * password, demo users, the demo history, the embedded H2 database, the dev mailbox, the development suppression key.
 * It runs before anything else starts, so nothing is created with a default secret.
 */
public class ProductionSafety implements EnvironmentPostProcessor {

    static final String DEV_ADMIN_PASSWORD = "admin";
    static final String DEV_SUPPRESSION_KEY = "dev-only-suppression-key-change-me";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
            return;
        }
        List<String> problems = new ArrayList<>();
        String adminPassword = environment.getProperty("camunda.bpm.admin-user.password");
        if (adminPassword == null || adminPassword.isBlank() || adminPassword.equals(DEV_ADMIN_PASSWORD) || adminPassword.length() < 12) {
            problems.add("camunda.bpm.admin-user.password (CAMUNDA_BPM_ADMIN_USER_PASSWORD) must be set to a secret of 12 characters or more");
        }
        if (environment.getProperty("dsr.demo-users.enabled", Boolean.class, false)) {
            problems.add("dsr.demo-users.enabled must be false: demo users have a documented password");
        }
        if (environment.getProperty("dsr.demo.history-months", Integer.class, 0) != 0) {
            problems.add("dsr.demo.history-months must be 0: the made-up history belongs to demos, not to a desk's records");
        }
        String url = environment.getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:h2:")) {
            problems.add("spring.datasource.url must point to the production database, not the embedded H2");
        }
        if (!environment.containsProperty("spring.mail.host")) {
            problems.add("spring.mail.host must be set: prod has no dev mailbox, so without it no mail would leave");
        }
        if (DEV_SUPPRESSION_KEY.equals(environment.getProperty("dsr.suppression.hash-key"))) {
            problems.add("dsr.suppression.hash-key (DSR_SUPPRESSION_HASH_KEY) must be set to a secret");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The prod profile refuses to start with development defaults:\n - "
                    + String.join("\n - ", problems));
        }
    }
}
