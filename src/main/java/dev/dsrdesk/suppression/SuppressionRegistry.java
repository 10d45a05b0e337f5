package dev.dsrdesk.suppression;

import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.Requests;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who must not be marketed to or tracked any more: requesters whose objection or consent withdrawal
 * was answered. Kept by HMAC of the normalised email; the first suppression's date stands.
 */
@Component
public class SuppressionRegistry {

    private final SuppressionRepository registry;
    private final Requests requests;
    private final SecretKeySpec key;
    private final Clock clock;

    SuppressionRegistry(SuppressionRepository registry, Requests requests, SuppressionSettings settings, Clock clock) {
        this.registry = registry;
        this.requests = requests;
        this.key = new SecretKeySpec(settings.hashKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    /** Process step after an approved objection or withdrawal. */
    @Transactional
    public void add(String reference) {
        DataSubjectRequest request = requests.byReference(reference);
        String hash = hash(request.getEmail());
        if (registry.findByEmailHash(hash).isEmpty()) {
            registry.save(new Suppression(hash, clock.instant(), reference));
        }
    }

    /** Since when the address is suppressed, if it is. */
    @Transactional(readOnly = true)
    public Optional<Instant> suppressedSince(String email) {
        return registry.findByEmailHash(hash(email)).map(Suppression::suppressedSince);
    }

    String hash(String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(normalised(email).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Case does not make a different person: Ada@Example.org and ada@example.org are one. */
    static String normalised(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
