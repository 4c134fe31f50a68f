package org.gatehouse.notify.relay;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with jitter: after attempt {@code n} the next one waits a random time between
 * half and all of {@code min(max, base · 2^(n-1))}, so that receivers coming back are not hit by
 * every retry at once.
 */
public record Backoff(Duration base, Duration max) {
    public Duration after(int attempt, RandomGenerator random) {
        long capMillis = max.toMillis();
        long exponential = base.toMillis() << Math.min(30, Math.max(0, attempt - 1));
        long ceiling = exponential <= 0 ? capMillis : Math.min(capMillis, exponential);
        long half = ceiling / 2;
        return Duration.ofMillis(half + (half == 0 ? 0 : random.nextLong(ceiling - half + 1)));
    }
}
