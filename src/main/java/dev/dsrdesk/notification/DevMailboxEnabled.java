package dev.dsrdesk.notification;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The dev mailbox keeps every mail on a page anyone can open: only for the demo (the default run) and the tests,
 * never in {@code prod} whatever else is active, and only while nobody set {@code spring.mail.host}.
 */
public class DevMailboxEnabled implements Condition {

    private static final Profiles DEMO_OR_TEST_NOT_PROD = Profiles.of("(demo | test) & !prod");

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return enabled(context.getEnvironment());
    }

    public static boolean enabled(Environment environment) {
        return environment.acceptsProfiles(DEMO_OR_TEST_NOT_PROD) && !environment.containsProperty("spring.mail.host");
    }
}
