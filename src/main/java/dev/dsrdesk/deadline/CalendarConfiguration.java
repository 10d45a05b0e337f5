package dev.dsrdesk.deadline;

import dev.dsrdesk.registry.EntityRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    DeadlineCalendars deadlineCalendars(DeadlineSettings settings, EntityRegistry registry) {
        return new DeadlineCalendars(settings.calendars(), registry.entities());
    }
}
