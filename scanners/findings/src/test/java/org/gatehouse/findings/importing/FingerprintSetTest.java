package org.gatehouse.findings.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The distinct fingerprints of a report, kept in 32 bytes each (issue 4, ADR 0007). */
class FingerprintSetTest {

    @Test
    void eachFingerprintIsNewOnceThroughManyGrowths() {
        FingerprintSet set = new FingerprintSet();
        for (int i = 0; i < 200_000; i++) {
            assertTrue(set.add(set.key("derived:v1:" + i)), "first time " + i);
        }
        for (int i = 0; i < 200_000; i += 7) {
            assertFalse(set.add(set.key("derived:v1:" + i)), "again " + i);
        }
        assertEquals(200_000, set.size());
    }

    @Test
    void keysDependOnEveryCharacterAndTheZeroKeyIsKeptToo() {
        FingerprintSet set = new FingerprintSet();
        assertNotEquals(set.key("sarif:a/b"), set.key("sarif:a/c"));
        assertEquals(set.key("sarif:ä/b"), set.key("sarif:ä/b"));
        FingerprintSet.Key zero = new FingerprintSet.Key(0, 0);
        assertTrue(set.add(zero));
        assertFalse(set.add(zero));
        assertTrue(set.add(new FingerprintSet.Key(0, 1)));
        assertEquals(2, set.size());
    }
}
