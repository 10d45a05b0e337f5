package dev.dsrdesk.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * One demo user per group for trying the desk on the embedded defaults. Documented in the README;
 * switch off wherever real people work.
 */
@ConfigurationProperties(prefix = "dsr.demo-users")
record DemoUserSettings(boolean enabled, String password) {

    DemoUserSettings {
        if (enabled && (password == null || password.isBlank())) {
            throw new IllegalArgumentException("dsr.demo-users.password is required when dsr.demo-users.enabled is true");
        }
    }
}
