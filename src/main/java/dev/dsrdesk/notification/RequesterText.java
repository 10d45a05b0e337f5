package dev.dsrdesk.notification;

import java.util.regex.Pattern;

/**
 * Text a requester typed (a name, details), made safe to show in a mail the desk signs. Anyone can type a URL into
 * the form, and the desk's own sender would make it look trustworthy: no mail client may find a link in it.
 */
public final class RequesterText {

    /** A scheme ("http://", "hxxp://", "javascript://") or a "www." that would make a mail client link what follows. */
    private static final Pattern LINK_START = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://|\\bwww[.。．｡]");
    /** A dot, or a look-alike some clients read as one, between two letters or digits, as in a host name. */
    private static final Pattern HOST_DOT = Pattern.compile("(?<=[\\p{L}\\p{N}])[.。．｡](?=[\\p{L}\\p{N}])");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private RequesterText() {
    }

    /**
     * The text without link schemes and with host-like dots broken ("evil.example" reads "evil[.]example"), on one
     * line, so the typed text cannot open paragraphs that look like the desk's.
     */
    public static String withoutLinks(String typed) {
        if (typed == null) {
            return null;
        }
        String unlinked = HOST_DOT.matcher(LINK_START.matcher(typed).replaceAll("")).replaceAll("[.]");
        return WHITESPACE.matcher(unlinked).replaceAll(" ").strip();
    }
}
