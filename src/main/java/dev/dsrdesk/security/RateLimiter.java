package dev.dsrdesk.security;

import java.time.Clock;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/** Fixed windows of use per key (a client address, an email address) for the public endpoints. */
@Component
public class RateLimiter {

    private final FixedWindows windows;
    private final RateLimitSettings settings;

    RateLimiter(RateLimitSettings settings, Clock clock) {
        this.settings = settings;
        this.windows = new FixedWindows(settings.window(), clock);
    }

    /** Counts one use; when over the limit, the seconds until the window reopens. */
    public OptionalLong overLimit(String key, int limit) {
        return windows.overLimit(key, limit);
    }

    public RateLimitSettings settings() {
        return settings;
    }

    /** Over the limit: the caller answers 429 with Retry-After. */
    public static class TooManyRequests extends RuntimeException {

        private final long retryAfterSeconds;

        public TooManyRequests(long retryAfterSeconds) {
            super("Too many requests; try again in " + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
