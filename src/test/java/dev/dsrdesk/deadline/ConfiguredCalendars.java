package dev.dsrdesk.deadline;

import dev.dsrdesk.registry.Entity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The calendars exactly as application.yml configures them (its first document, no profile), bound as Spring Boot
 * binds them but without starting the desk: the dated tests check the shipped configuration, not a copy of it.
 */
final class ConfiguredCalendars {

    private ConfiguredCalendars() {
    }

    static Map<String, DeadlineSettings.RegimeCalendar> regimeCalendars() {
        return binder().bind("dsr.deadlines.calendars", Bindable.mapOf(String.class, DeadlineSettings.RegimeCalendar.class)).get();
    }

    static List<Entity> entities() {
        return binder().bind("dsr.entities", Bindable.listOf(Entity.class)).get();
    }

    static DeadlineCalendars calendars() {
        return new DeadlineCalendars(regimeCalendars(), entities());
    }

    private static Binder binder() {
        try {
            List<PropertySource<?>> documents = new YamlPropertySourceLoader()
                    .load("application.yml", new ClassPathResource("application.yml"));
            return new Binder(ConfigurationPropertySources.from(documents.get(0)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
