package org.gatehouse.findings.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gatehouse.scanner.api.Fingerprint;
import org.gatehouse.scanner.api.Location;
import org.gatehouse.scanner.api.ReportedFinding;
import org.gatehouse.scanner.api.Severity;
import org.gatehouse.scanner.api.Suppression;
import org.junit.jupiter.api.Test;

/**
 * The groups of an import gathered while its report arrives: the rows SQL's grouping of the occurrences gives
 * (fingerprint; the first ordinal not suppressed at the source, else the first; whether all are suppressed).
 */
class OccurrenceGroupsTest {

    private static ReportedFinding result(String fingerprint, boolean suppressed) {
        return new ReportedFinding("Demo", "1", "R1", "t", Severity.HIGH, Optional.empty(), new Location.None(), "d",
                new Fingerprint("sarif", fingerprint), suppressed ? Optional.of(new Suppression("inSource", Optional.empty()))
                        : Optional.empty());
    }

    private static List<String> rows(OccurrenceGroups groups) throws IOException {
        try (InputStream in = groups.finish().orElseThrow()) {
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
    }

    @Test
    void eachFingerprintOnceWithItsRepresentativeOrdinal() throws IOException {
        OccurrenceGroups groups = new OccurrenceGroups();
        groups.accept(result("a", true));   // 1: a waits
        groups.accept(result("b", false));  // 2: b by 2
        groups.accept(result("a", false));  // 3: a by 3, not suppressed
        groups.accept(result("c", true));   // 4: c waits
        groups.accept(result("b", true));   // 5
        groups.accept(result("c", true));   // 6: c stays suppressed, by 4
        groups.accept(result("tab\there", false)); // 7: escaped like every COPY text value
        assertEquals(List.of("sarif:b\t2\tf", "sarif:a\t3\tf", "sarif:tab\\there\t7\tf", "sarif:c\t4\tt"), rows(groups));
    }

    @Test
    void rowsSpanningChunksArriveWhole() throws IOException {
        OccurrenceGroups groups = new OccurrenceGroups();
        int distinct = 20_000; // about 1.8 MB of rows: several chunks, rows cut across their edges
        for (int i = 0; i < distinct; i++) {
            groups.accept(result("derived:v1:" + "0123456789abcdef".repeat(4) + i, false));
        }
        List<String> rows = rows(groups);
        assertEquals(distinct, rows.size());
        for (int i = 0; i < distinct; i++) {
            assertEquals("sarif:derived:v1:" + "0123456789abcdef".repeat(4) + i + "\t" + (i + 1) + "\tf", rows.get(i));
        }
    }

    @Test
    void tooManyWaitingGivesUpSoThatSqlGroupsInstead() {
        OccurrenceGroups groups = new OccurrenceGroups();
        for (int i = 0; i <= Representatives.MAX_WAITING; i++) {
            groups.accept(result("s" + i, true));
        }
        groups.accept(result("s0", false));
        assertTrue(groups.finish().isEmpty());
    }

    @Test
    void representativesAreTheFirstNotSuppressedOrTheFirst() {
        List<String> represented = new ArrayList<>();
        Representatives<String> representatives = new Representatives<>((o, s) -> represented.add(o + (s ? "/s" : "")));
        representatives.offer("x", true, "x1");
        representatives.offer("x", true, "x2");
        representatives.offer("y", false, "y1");
        representatives.offer("x", false, "x3");
        representatives.offer("x", false, "x4");
        representatives.offer("z", true, "z1");
        representatives.offer("z", true, "z2");
        assertTrue(representatives.finish());
        assertEquals(List.of("y1", "x3", "z1/s"), represented);
        assertEquals(3, representatives.distinct());
    }
}
