package dev.dsrdesk.notification;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Without spring.mail.host, a newcomer reads the desk's mail on a page and clicks its links. */
@DeskTest
class DevMailboxTest {

    @Autowired MockMvc mvc;
    @Autowired DeskDriver desk;

    @Test
    void outgoingMailIsReadableWithClickableLinksWhenNoMailServerIsSet() throws Exception {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.awaitingVerification("PORTABILITY", email);

        mvc.perform(get("/dev/mailbox"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Please confirm your privacy request " + request.getReference())))
                .andExpect(content().string(Matchers.matchesPattern("(?s).*<a href=\"http://localhost:8080/verify\\?token=[A-Za-z0-9_-]+\">.*")));
    }
}
