package org.gatehouse.findings.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The arrays a re-import's tracked findings are held in: every fingerprint found, byte for byte, and nothing else. */
class TrackedTableTest {
    private static final String[] STATES = {"NEW", "CONFIRMED", "FIXED_UNVERIFIED", "VERIFIED", "REOPENED",
        "FALSE_POSITIVE", "RISK_ACCEPTED", "SUPPRESSED"};

    @Test
    void everyFingerprintIsFoundWithItsOwnIdStateAndRelease() throws IOException {
        TrackedTable table = new TrackedTable();
        int n = 20_000; // past every array's first capacity, several times
        for (int i = 0; i < n; i++) {
            table.add(fingerprint(i), id(i).toString(), STATES[i % STATES.length], release(i % 3).toString());
        }
        table.seal();
        assertEquals(n, table.size());
        for (int i = 0; i < n; i++) {
            byte[] key = ("x" + fingerprint(i) + "\t").getBytes(StandardCharsets.UTF_8); // found inside a longer text
            int entry = table.find(key, 1, key.length - 1);
            TrackedTable.Bytes row = new TrackedTable.Bytes(8);
            table.appendTracked(entry, row);
            assertEquals(id(i) + "\t" + STATES[i % STATES.length] + "\tf\t" + release(i % 3),
                    new String(row.stream().readAllBytes(), StandardCharsets.UTF_8));
        }
        byte[] absent = "derived:v1:路径\\\\a/20000".getBytes(StandardCharsets.UTF_8);
        assertEquals(-1, table.find(absent, 0, absent.length));
        byte[] longer = fingerprint(123).getBytes(StandardCharsets.UTF_8);
        int prefix = fingerprint(12).getBytes(StandardCharsets.UTF_8).length;
        assertEquals(12, table.find(longer, 0, prefix)); // the entries are numbered in the order they were added
        assertEquals(-1, table.find(longer, 0, prefix - 2)); // "…/" is a prefix of every fingerprint, and none
    }

    @Test
    void anEmptyTableFindsNothing() {
        TrackedTable table = new TrackedTable().seal();
        assertEquals(-1, table.find(new byte[0], 0, 0));
        assertEquals(-1, table.find("a".getBytes(StandardCharsets.UTF_8), 0, 1));
    }

    @Test
    void whatIsNotAFindingIsRefused() {
        TrackedTable table = new TrackedTable();
        assertThrows(IllegalArgumentException.class, () -> table.add("a", "not-a-uuid", "NEW", release(0).toString()));
        assertThrows(IllegalArgumentException.class, () -> table.add("a", id(0).toString(), "GONE",
                release(0).toString()));
        table.seal();
        assertThrows(IllegalStateException.class, () -> table.add("a", id(0).toString(), "NEW", release(0).toString()));
    }

    /** Escaped COPY text with a non-ASCII path, as OccurrenceGroups writes it. */
    private static String fingerprint(int i) {
        return "derived:v1:路径\\\\a/" + i;
    }

    private static UUID id(int i) {
        return new UUID(0x01a23b0000007000L, 0x8000000000000000L | i);
    }

    private static UUID release(int i) {
        return new UUID(0x01a23b0000007000L, 0x80000000000000a0L | i);
    }
}
