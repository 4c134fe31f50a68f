package org.gatehouse.findings.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.gatehouse.scanner.api.Severity;
import org.junit.jupiter.api.Test;

class CountedTest {

    @Test
    void saysHowManyBlockMostSevereFirst() {
        ReleaseFindings.Counted counted = new ReleaseFindings.Counted(Map.of(Severity.MEDIUM, 82, Severity.HIGH, 410));
        assertFalse(counted.capped());
        assertEquals("492", counted.totalText());
        assertEquals("410 high, 82 medium", counted.breakdown());
    }

    @Test
    void marksTheLeastSevereCountAsOpenEndedBeyondTheCap() {
        ReleaseFindings.Counted counted = new ReleaseFindings.Counted(Map.of(Severity.CRITICAL, 3, Severity.HIGH, 410,
                Severity.MEDIUM, ReleaseFindings.COUNT_CAP + 1 - 413));
        assertTrue(counted.capped());
        assertEquals("1000+", counted.totalText());
        assertEquals("3 critical, 410 high, 588+ medium", counted.breakdown());
    }

    @Test
    void nothingBlocking() {
        ReleaseFindings.Counted counted = new ReleaseFindings.Counted(Map.of());
        assertTrue(counted.isEmpty());
        assertEquals("0", counted.totalText());
    }
}
