package dev.dsrdesk.registry;

import java.time.MonthDay;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads a day of every year as configuration writes it, {@code 06-26} (or ISO's {@code --06-26}); Spring has no
 * conversion of its own to {@link MonthDay}.
 */
@Component
@ConfigurationPropertiesBinding
class MonthDayBinding implements Converter<String, MonthDay> {

    @Override
    public MonthDay convert(String text) {
        String day = text.strip();
        return MonthDay.parse(day.startsWith("--") ? day : "--" + day);
    }
}
