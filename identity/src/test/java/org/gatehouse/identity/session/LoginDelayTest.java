package org.gatehouse.identity.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginDelayTest {

    @Test
    void delayDoublesWithFailuresUpToEightTimesTheBase() {
        assertEquals(Duration.ofMillis(250), Sessions.delayFor(1, 250));
        assertEquals(Duration.ofMillis(500), Sessions.delayFor(2, 250));
        assertEquals(Duration.ofMillis(1000), Sessions.delayFor(3, 250));
        assertEquals(Duration.ofMillis(2000), Sessions.delayFor(4, 250));
        assertEquals(Duration.ofMillis(2000), Sessions.delayFor(40, 250));
        assertEquals(Duration.ofMillis(250), Sessions.delayFor(0, 250));
    }
}
