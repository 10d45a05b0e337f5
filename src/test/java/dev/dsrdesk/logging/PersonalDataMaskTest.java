package dev.dsrdesk.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrdesk.support.DeskTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.MailSendException;

/** Whatever a library writes to the log, a requester's email address or phone number does not reach it. */
@DeskTest
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataMaskTest {

    private static final Logger log = LoggerFactory.getLogger("org.springframework.mail.test");

    @Test
    void masksEmailsAndInternationalPhoneNumbersAndLeavesTheRest() {
        assertThat(PersonalDataMask.mask("550 5.1.1 <ada.lovelace+dsr@mail.example.co.uk>: user unknown"))
                .isEqualTo("550 5.1.1 <[email]>: user unknown");
        assertThat(PersonalDataMask.mask("call +39 06 1234 5678 or +1 (925) 555-0100 today"))
                .isEqualTo("call [phone] or [phone] today");
        assertThat(PersonalDataMask.mask("Job 8c1f-22 failed 3 times at 2026-11-29T08:25:07Z, retries left: 2 (+1)"))
                .isEqualTo("Job 8c1f-22 failed 3 times at 2026-11-29T08:25:07Z, retries left: 2 (+1)");
    }

    @Test
    void theApplicationsLogMasksMessagesAndStackTraces(CapturedOutput output) {
        log.warn("Could not deliver to ada.lovelace@example.org (phone +39 06 1234 5678)",
                new MailSendException("Failed messages: 550 rejected <ada.lovelace@example.org>",
                        new IllegalStateException("RCPT TO:<ada.lovelace@example.org> refused")));

        assertThat(output.getAll())
                .contains("Could not deliver to [email] (phone [phone])")
                .contains("550 rejected <[email]>")
                .contains("RCPT TO:<[email]> refused")
                .contains("at dev.dsrdesk.logging.PersonalDataMaskTest")
                .doesNotContain("ada.lovelace@example.org")
                .doesNotContain("1234 5678");
    }
}
