package dev.dsrdesk.notification;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True on the embedded defaults: nobody set {@code spring.mail.host}, so mail stays in the dev mailbox. */
class NoMailHostConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !context.getEnvironment().containsProperty("spring.mail.host");
    }
}
