package dev.dsrdesk.support;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A real SMTP server (GreenMail) for one test class, registered as a static {@code @RegisterExtension}: the desk
 * sends to it and the {@link DeskDriver} reads the requester's mail from it. Always on the same port, so that a test
 * can take it away and bring it back.
 */
public final class SmtpServer implements BeforeEachCallback, AfterAllCallback {

    private final int port = DeskOverHttp.freePort();
    private GreenMail server = DeskOverHttp.startSmtp(port);

    /** For the test class's {@code @DynamicPropertySource}: the context is built after the server is up. */
    public void pointDeskAt(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> port);
    }

    public GreenMail server() {
        return server;
    }

    public GreenMailbox mailbox() {
        return new GreenMailbox(this::server);
    }

    public void stop() {
        server.stop();
    }

    public void restart() {
        server = DeskOverHttp.startSmtp(port);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        SpringExtension.getApplicationContext(context).getBean(DeskDriver.class).readMailFrom(mailbox());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.stop();
    }
}
