package dev.dsrdesk.intake;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The requests this browser session sent from the public form, by a hash of what was sent: no personal data in the
 * session, only fingerprints and references, the last few.
 */
final class SentFromThisBrowser implements Serializable {

    private static final String ATTRIBUTE = SentFromThisBrowser.class.getName();
    private static final int KEPT = 10;

    private final LinkedHashMap<String, String> byFingerprint = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > KEPT;
        }
    };

    static SentFromThisBrowser of(HttpSession session) {
        Object kept = session.getAttribute(ATTRIBUTE);
        if (kept instanceof SentFromThisBrowser sent) {
            return sent;
        }
        SentFromThisBrowser fresh = new SentFromThisBrowser();
        session.setAttribute(ATTRIBUTE, fresh);
        return fresh;
    }

    synchronized Optional<String> referenceFor(String fingerprint) {
        return Optional.ofNullable(byFingerprint.get(fingerprint));
    }

    synchronized void remember(String fingerprint, String reference) {
        byFingerprint.put(fingerprint, reference);
    }
}
