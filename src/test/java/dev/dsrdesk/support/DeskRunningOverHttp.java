package dev.dsrdesk.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The desk running on a port of its own with its job executor, as its users meet it over real HTTP: /engine-rest on the
 * engine named "default" (so one such context lives at a time), every entity step a person's task (no demo stores),
 * mail to the SMTP server the class names ({@code spring.mail.port}), the logs captured for the privacy checks.
 * Inherited, so that a contract's subclasses (one per database) run as it says.
 */
@Target(ElementType.TYPE)
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // /engine-rest serves the engine named "default"; @DirtiesContext keeps one such engine alive at a time
        "camunda.bpm.generate-unique-process-engine-name=false",
        // no demo data stores: every entity step is a Tasklist task here (connectors: AutomatedFulfilmentTest)
        "spring.profiles.default=default",
        "spring.mail.host=127.0.0.1",
        // the test mail server logs recipients; the desk's own logs are what the privacy check reads
        "logging.level.com.icegreen.greenmail=warn",
        "logging.level.org.camunda.bpm.engine.context=off"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
public @interface DeskRunningOverHttp {
}
