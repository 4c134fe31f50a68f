package org.gatehouse.workflow.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.api.ReleaseStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReleaseTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneOffset.UTC);

    @Test
    void opensAndClosesOnce() {
        Release release = new Release(new ProjectKey("SHOP"), "1.4.0", clock);
        assertEquals(ReleaseStatus.OPEN, release.status());
        assertEquals(7, release.id().value().version());
        release.close(clock);
        release.close(Clock.offset(clock, java.time.Duration.ofHours(1)));
        assertEquals(ReleaseStatus.CLOSED, release.status());
        assertEquals(clock.instant(), release.closedAt().orElseThrow().toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0.0", "2026.11", "v2-rc.1", "1.0.0+build.5"})
    void acceptsVersionStrings(String version) {
        assertEquals(version, new Release(new ProjectKey("SHOP"), version, clock).version());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 1.0", "-1", "1.0 beta", "1/0", "<script>"})
    void rejectsMalformedVersions(String version) {
        assertThrows(IllegalArgumentException.class, () -> new Release(new ProjectKey("SHOP"), version, clock));
    }
}
