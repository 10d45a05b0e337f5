package dev.dsrdesk.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application of {@link DeskTest} with the settings an operator may change set otherwise, for the tests of those
 * settings: tight rate limits and login throttle (RateLimitTest, EncodedPathTest, LoginThrottleTest), the statutory
 * clock starting at verification with forty-day entity steps (ClockStartsAtVerificationTest) and running through
 * identity questions (ClockRunsThroughIdentityQuestionsWhereConfiguredTest), a sixth entity in the
 * registry (SixthEntityTest). Served on a random port, with MockMvc too; mail in the dev mailbox. Every test class
 * with this annotation shares one context, so each keeps to client addresses, users and emails of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dsr.rate-limits.intake-per-address=3",
        "dsr.rate-limits.intake-per-email=2",
        "dsr.rate-limits.links-per-address=2",
        "dsr.login-throttle.window=PT3S",
        "dsr.login-throttle.failures-per-address=4",
        "dsr.login-throttle.failures-per-user=3",
        "dsr.deadlines.clock-starts-at=VERIFICATION",
        "dsr.deadlines.entity-step-period=P40D",
        "dsr.deadlines.identity-questions-pause-clock=false"})
@AutoConfigureMockMvc
@AutoConfigureObservability(tracing = false)
@ActiveProfiles({"test", "six-entities"})
@Import(DeskDriver.class)
public @interface ReconfiguredDeskTest {
}
