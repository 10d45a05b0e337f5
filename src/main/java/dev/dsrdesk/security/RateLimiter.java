package dev.dsrdesk.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Fixed windows of use per key (a client address, an email address). In memory, so each node counts its
 * own clients; enough to stop a script flooding one desk.
 */
@Component
public class RateLimiter {

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final RateLimitSettings settings;
    private final Clock clock;

    RateLimiter(RateLimitSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Counts one use; when over the limit, the seconds until the window reopens. */
    public OptionalLong overLimit(String key, int limit) {
        Instant now = clock.instant();
        Window window = windows.compute(key, (k, current) ->
                current == null || !now.isBefore(current.endsAt()) ? new Window(now.plus(settings.window()), 1) : current.plusOne());
        if (window.count() <= limit) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, Duration.between(now, window.endsAt()).toSeconds()));
    }

    public RateLimitSettings settings() {
        return settings;
    }

    private record Window(Instant endsAt, int count) {
        Window plusOne() {
            return new Window(endsAt, count + 1);
        }
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
