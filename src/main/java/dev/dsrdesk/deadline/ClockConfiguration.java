package dev.dsrdesk.deadline;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock deskClock(DeadlineSettings settings) {
        return Clock.system(settings.zone());
    }
}
