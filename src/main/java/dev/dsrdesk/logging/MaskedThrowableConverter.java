package dev.dsrdesk.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/** Stack traces as Spring Boot writes them, masked ({@link PersonalDataMask}): exception messages quote addresses. */
public class MaskedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return PersonalDataMask.mask(super.throwableProxyToString(proxy));
    }
}
