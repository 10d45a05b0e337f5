package dev.dsrdesk.logging;

import java.util.regex.Pattern;

/**
 * Hides email addresses and international phone numbers in text bound for the logs. The desk never logs a
 * requester's data on purpose; this catches what libraries put there (a mail server's "550 unknown user
 * &lt;someone@…&gt;" in a stack trace, for one). Names cannot be recognised, so they are simply never logged.
 */
public final class PersonalDataMask {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    /** The shapes the intake accepts, when written internationally: +39 06 1234 5678, +1 (925) 555-0100. */
    private static final Pattern PHONE = Pattern.compile("\\+[0-9][0-9 ()./-]{5,28}[0-9]");

    private PersonalDataMask() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text.indexOf('@') >= 0 ? EMAIL.matcher(text).replaceAll("[email]") : text;
        return masked.indexOf('+') >= 0 ? PHONE.matcher(masked).replaceAll("[phone]") : masked;
    }

    /** An address shown to staff who must not learn it: "g*****@example.com" (first letter and domain). */
    public static String partlyHidden(String email) {
        if (email == null || email.isBlank()) {
            return "(no email)";
        }
        String address = email.trim();
        int at = address.indexOf('@');
        if (at <= 0) {
            return "*****";
        }
        return address.charAt(0) + "*****" + address.substring(at);
    }
}
