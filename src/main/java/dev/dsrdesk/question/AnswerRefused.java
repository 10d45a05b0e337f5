package dev.dsrdesk.question;

/** An answer the desk cannot take; the message key says why, in the requester's language. */
public class AnswerRefused extends RuntimeException {

    private final String messageKey;

    public AnswerRefused(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
