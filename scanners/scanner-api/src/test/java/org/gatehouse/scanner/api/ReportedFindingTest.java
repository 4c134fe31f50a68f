package org.gatehouse.scanner.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The details of a reported finding: ordered, trimmed, bounded, never part of its identity. */
class ReportedFindingTest {
    private static final ReportedFinding PLAIN = new ReportedFinding("t", "1", "R1", "title", Severity.LOW, Optional.empty(),
            new Location.None(), "text", Fingerprint.of("derived:v1", "R1"), Optional.empty());

    @Test
    void aFindingWithoutDetailsHasAnEmptyMap() {
        assertEquals(Map.of(), PLAIN.details());
        assertEquals(Map.of(), PLAIN.withDetails(null).details());
    }

    @Test
    void detailsKeepTheirOrderAndAreTrimmedBlankOnesLeftOut() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("plugin-id", " 40012 ");
        given.put("confidence", "Medium");
        given.put("attack", "   ");
        given.put("wasc", "8");
        ReportedFinding finding = PLAIN.withDetails(given);
        assertEquals(List.of("plugin-id", "confidence", "wasc"), List.copyOf(finding.details().keySet()));
        assertEquals("40012", finding.details().get("plugin-id"));
        assertEquals(PLAIN.fingerprint(), finding.fingerprint());
        assertThrows(UnsupportedOperationException.class, () -> finding.details().put("x", "y"));
        given.put("late", "not seen");
        assertEquals(3, finding.details().size(), "a copy, not a view");
    }

    @Test
    void longValuesAreCutWithoutSplittingACharacter() {
        String emoji = "\uD83D\uDE00";
        String value = "x".repeat(ReportedFinding.MAX_DETAIL_LENGTH - 1) + emoji + "tail";
        String kept = PLAIN.withDetails(Map.of("evidence", value)).details().get("evidence");
        assertEquals(ReportedFinding.MAX_DETAIL_LENGTH - 1, kept.length());
        assertTrue(kept.chars().allMatch(c -> c == 'x'));
        assertEquals(ReportedFinding.MAX_DETAIL_LENGTH,
                PLAIN.withDetails(Map.of("evidence", "y".repeat(10_000))).details().get("evidence").length());
    }

    @Test
    void keysAreLowercaseKebabCaseAndTheirNumberIsBounded() {
        for (String key : List.of("Plugin-Id", "plugin_id", "-x", "x-", "a--b", "", "wasc id")) {
            assertThrows(IllegalArgumentException.class, () -> PLAIN.withDetails(Map.of(key, "v")), key);
        }
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i <= ReportedFinding.MAX_DETAILS; i++) {
            many.put("k" + i, "v");
        }
        assertThrows(IllegalArgumentException.class, () -> PLAIN.withDetails(many));
        many.remove("k0");
        assertEquals(ReportedFinding.MAX_DETAILS, PLAIN.withDetails(many).details().size());
    }
}
