package dev.dsrdesk.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/** The desk's mail as a real SMTP server (GreenMail) received it, for {@link DeskDriver#readMailFrom}. */
public final class GreenMailbox implements DeskDriver.Mailbox {

    private final Supplier<GreenMail> server;

    public GreenMailbox(Supplier<GreenMail> server) {
        this.server = server;
    }

    @Override
    public List<String> bodies(String recipient, String subjectPart) {
        List<String> bodies = new ArrayList<>(Arrays.stream(server.get().getReceivedMessages())
                .filter(message -> recipients(message).contains(recipient) && subject(message).contains(subjectPart))
                .map(GreenMailUtil::getBody)
                .toList());
        Collections.reverse(bodies);
        return bodies;
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getAllRecipients());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
