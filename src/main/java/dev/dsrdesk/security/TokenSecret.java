package dev.dsrdesk.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A 256-bit random secret for a link sent to a requester, and the hash under which it is stored.
 * A presented secret is looked up by its hash, so the database compares hashes of what a guesser sends, never
 * the secret itself; {@link HashedLink#matches} then compares in constant time.
 */
public record TokenSecret(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** 32 random bytes in unpadded base64url. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

    /** Whether a presented value has the shape of a secret this desk issues; the shape is public, so this reveals nothing. */
    public static boolean isWellFormed(String presented) {
        return presented != null && WELL_FORMED.matcher(presented).matches();
    }

    /** The secret a requester presented, if it has the right shape. */
    public static Optional<TokenSecret> presented(String presented) {
        return isWellFormed(presented) ? Optional.of(new TokenSecret(presented)) : Optional.empty();
    }

    public static TokenSecret generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new TokenSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
