package org.gatehouse.findings.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rows of import_seen matched in memory from a re-import's groups and the scope's tracked findings. */
class TrackedFindingsTest {
    private static final UUID BASE = UUID.fromString("01a23b8b-7124-79ea-832a-d3e43c2bafe9");
    private static final UUID KNOWN = UUID.fromString("01a23b00-0000-7000-8000-000000000001");
    private static final UUID RELEASE = UUID.fromString("01a23b00-0000-7000-8000-0000000000aa");

    @Test
    void trackedFindingsKeepTheirIdsAndNewOnesCountUpInFingerprintOrder() throws IOException {
        TrackedTable tracked = new TrackedTable();
        tracked.add("derived:v1:bb", KNOWN.toString(), "FIXED_UNVERIFIED", RELEASE.toString());
        TrackedFindings.Snapshot snapshot = new TrackedFindings.Snapshot(3, tracked.seal());
        String groups = "derived:v1:cc\t4\tf\nderived:v1:bb\t1\tt\nderived:v1:aa\t2\tf\n";
        TrackedFindings.Seen seen = snapshot.seen(stream(groups), BASE);
        assertEquals(3, seen.count());
        assertEquals(2, seen.created());
        assertEquals(List.of(
                "derived:v1:bb\t1\tt\t" + KNOWN + "\tFIXED_UNVERIFIED\tf\t" + RELEASE,
                "derived:v1:aa\t2\tf\t01a23b8b-7124-79ea-832a-d3e400000001\t\\N\tt\t\\N",
                "derived:v1:cc\t4\tf\t01a23b8b-7124-79ea-832a-d3e400000002\t\\N\tt\t\\N"),
                List.of(new String(seen.rows().readAllBytes(), StandardCharsets.UTF_8).split("\n")));
    }

    @Test
    void noGroupsNoRowsAndABrokenRowIsRefused() throws IOException {
        TrackedFindings.Snapshot snapshot = new TrackedFindings.Snapshot(0, new TrackedTable().seal());
        TrackedFindings.Seen none = snapshot.seen(stream(""), BASE);
        assertEquals(0, none.count());
        assertEquals(0, none.rows().readAllBytes().length);
        assertThrows(IOException.class, () -> snapshot.seen(stream("derived:v1:aa\t2\n"), BASE));
        assertThrows(IOException.class, () -> snapshot.seen(stream("derived:v1:aa\t2\tf"), BASE));
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
