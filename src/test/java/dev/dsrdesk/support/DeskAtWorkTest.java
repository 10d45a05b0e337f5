package dev.dsrdesk.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The desk with its own settings (application.yml, not the test profile): the job executor at work, the real rate
 * limits and login throttle, no demo data stores (connectors: AutomatedFulfilmentTest), on H2 in memory, served on a
 * random port, mail sent to the {@link SharedSmtpServer}. Every test class with this annotation shares one context; a
 * class that adds a {@code @DynamicPropertySource} (another database) gets one of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // no profile but "default": without one the desk would run its demo profile
        "spring.profiles.default=default",
        "spring.datasource.url=jdbc:h2:mem:at-work-${random.uuid};DB_CLOSE_DELAY=-1",
        // pick jobs up quickly: a conflict's retry is due 1 s later, acquisition would otherwise idle 5 s
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=1000",
        "spring.mail.host=127.0.0.1",
        // the test mail server logs recipients; the desk's own logs are what the privacy check reads
        "logging.level.com.icegreen.greenmail=warn",
        "logging.level.org.camunda.bpm.engine.context=off"})
@Import({DeskDriver.class, SharedSmtpServer.class})
public @interface DeskAtWorkTest {
}
