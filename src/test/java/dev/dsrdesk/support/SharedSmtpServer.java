package dev.dsrdesk.support;

import com.icegreen.greenmail.util.GreenMail;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * One real SMTP server (GreenMail) for the whole test run, on a loopback port chosen once, shared by every context
 * that sends real mail: imported, it points the desk at the server ({@code spring.mail.port}) and is the mailbox the
 * {@link DeskDriver} reads. The desk chooses SMTP by {@code spring.mail.host}, which the context's own properties set
 * to 127.0.0.1 (a condition reads it before any registrar runs). Tests tell their mail apart by recipient: every test
 * writes to addresses of its own. {@link #stop()} takes the server away and {@link #start()} brings it back on the
 * same port, with an empty inbox.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SharedSmtpServer {

    private static final int PORT = DeskOverHttp.freePort();
    private static GreenMail server = DeskOverHttp.startSmtp(PORT);
    private static boolean running = true;

    @Bean
    DynamicPropertyRegistrar sharedSmtpServerPort() {
        return registry -> registry.add("spring.mail.port", () -> PORT);
    }

    @Bean
    GreenMailbox sharedSmtpServerMailbox() {
        return mailbox();
    }

    public static synchronized GreenMail server() {
        return server;
    }

    public static GreenMailbox mailbox() {
        return new GreenMailbox(SharedSmtpServer::server);
    }

    public static synchronized void stop() {
        server.stop();
        running = false;
    }

    /** Brings the server back after {@link #stop()}; does nothing while it runs. */
    public static synchronized void start() {
        if (!running) {
            server = DeskOverHttp.startSmtp(PORT);
            running = true;
        }
    }
}
