package dev.dsrdesk.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application of {@link DeskTest} served on a random port ({@code @LocalServerPort}): the desk's pages and API,
 * /engine-rest and the Camunda webapps over real HTTP, mail sent to the {@link SharedSmtpServer}. Jobs and timers run
 * by the test. Every test class with this annotation shares one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.mail.host=127.0.0.1",
        // the test mail server logs recipients
        "logging.level.com.icegreen.greenmail=warn"})
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("test")
@Import({DeskDriver.class, SharedSmtpServer.class})
public @interface DeskServerTest {
}
