package dev.dsrdesk.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** The log message, masked ({@link PersonalDataMask}); replaces %m, %msg and %message in logback-spring.xml. */
public class MaskedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PersonalDataMask.mask(super.convert(event));
    }
}
