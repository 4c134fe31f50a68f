package org.gatehouse.notify.relay;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Exponential back-off with jitter, capped. */
class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofHours(1));

    @Test
    void doublesWithJitterBetweenHalfAndAllOfTheStep() {
        SplittableRandom random = new SplittableRandom(7);
        for (int attempt = 1; attempt <= 8; attempt++) {
            long step = 10_000L << (attempt - 1);
            for (int i = 0; i < 200; i++) {
                long wait = backoff.after(attempt, random).toMillis();
                assertTrue(wait >= step / 2 && wait <= step, attempt + ": " + wait);
            }
        }
    }

    @Test
    void neverExceedsTheCapEvenForHugeAttemptNumbers() {
        SplittableRandom random = new SplittableRandom(1);
        for (int attempt : new int[] {12, 31, 64, 1000, Integer.MAX_VALUE}) {
            long wait = backoff.after(attempt, random).toMillis();
            assertTrue(wait >= 1_800_000 && wait <= 3_600_000, attempt + ": " + wait);
        }
    }
}
