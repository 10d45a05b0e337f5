package dev.dsrdesk.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts per key (a client address, an email address, a user name) in fixed windows. In memory, so each node
 * counts its own clients; enough to stop a script flooding one desk.
 */
final class FixedWindows {

    /** Beyond this many keys the ended windows are dropped, so a caller inventing keys cannot grow the map for ever. */
    private static final int PRUNE_ABOVE = 10_000;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Duration length;
    private final Clock clock;

    FixedWindows(Duration length, Clock clock) {
        this.length = length;
        this.clock = clock;
    }

    /** Counts one use; the count in the key's current window, this one included. */
    int add(String key) {
        Instant now = clock.instant();
        if (windows.size() > PRUNE_ABOVE) {
            windows.values().removeIf(window -> !now.isBefore(window.endsAt()));
        }
        return windows.compute(key, (k, current) ->
                current == null || !now.isBefore(current.endsAt()) ? new Window(now.plus(length), 1) : current.plusOne()).count();
    }

    /** Without counting: when the key's window already holds {@code limit} uses, the seconds until it reopens. */
    OptionalLong full(String key, int limit) {
        Instant now = clock.instant();
        Window window = windows.get(key);
        if (window == null || !now.isBefore(window.endsAt()) || window.count() < limit) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(secondsUntil(now, window));
    }

    /** Counts one use; when over the limit, the seconds until the window reopens. */
    OptionalLong overLimit(String key, int limit) {
        int count = add(key);
        if (count <= limit) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(secondsUntil(clock.instant(), windows.get(key)));
    }

    private static long secondsUntil(Instant now, Window window) {
        if (window == null) {
            return 1;
        }
        // rounded up: a client told "0" or told too early would only come back to be refused again
        long millis = Duration.between(now, window.endsAt()).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    private record Window(Instant endsAt, int count) {
        Window plusOne() {
            return new Window(endsAt, count + 1);
        }
    }
}
