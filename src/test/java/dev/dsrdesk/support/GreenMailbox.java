package dev.dsrdesk.support;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/** The desk's mail as a real SMTP server (GreenMail) received it; also the {@link DeskDriver}'s mailbox where a context sends real mail. */
public final class GreenMailbox implements DeskDriver.Mailbox {

    private final Supplier<GreenMail> server;

    public GreenMailbox(Supplier<GreenMail> server) {
        this.server = server;
    }

    @Override
    public List<String> bodies(String recipient, String subjectPart) {
        List<String> bodies = new ArrayList<>(Arrays.stream(server.get().getReceivedMessages())
                .filter(message -> addressedTo(message, recipient) && subjectOf(message).contains(subjectPart))
                // decoded as the requester's client shows it: a non-English mail travels quoted-printable, "=" as "=3D"
                .map(GreenMailbox::textOf)
                .toList());
        Collections.reverse(bodies);
        return bodies;
    }

    /** The subjects of every mail the server received for a recipient, in order of arrival. */
    public List<String> subjects(String recipient) {
        return Arrays.stream(server.get().getReceivedMessages())
                .filter(message -> addressedTo(message, recipient)).map(GreenMailbox::subjectOf).toList();
    }

    public static boolean addressedTo(MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(recipient));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String textOf(MimeMessage message) {
        try {
            return (String) message.getContent();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
