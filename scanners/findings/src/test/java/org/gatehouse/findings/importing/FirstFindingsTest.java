package org.gatehouse.findings.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.OptionalInt;
import org.gatehouse.scanner.api.Location;
import org.junit.jupiter.api.Test;

/**
 * The location a finding created in the stream shows: the same text as {@link Reconciliation}'s statement derives from
 * the stored occurrence ({@code FirstImportIT} compares both paths on a real database).
 */
class FirstFindingsTest {

    @Test
    void codeIsPathAndLineOrPathAlone() {
        assertEquals("src/A.java:12", FirstFindings.location(new Location.Code("src/A.java", OptionalInt.of(12),
                OptionalInt.empty(), Optional.of("A.run"))));
        assertEquals("src/A.java", FirstFindings.location(new Location.Code("src/A.java", OptionalInt.empty(),
                OptionalInt.empty(), Optional.empty())));
    }

    @Test
    void urlIsMethodUrlAndParameterWhenPresent() {
        assertEquals("POST https://shop.example/login [user]", FirstFindings.location(new Location.Url(
                "https://shop.example/login", Optional.of("POST"), Optional.of("user"))));
        assertEquals("https://shop.example/", FirstFindings.location(new Location.Url("https://shop.example/",
                Optional.empty(), Optional.empty())));
        assertEquals("", FirstFindings.location(new Location.None()));
    }

    @Test
    void partsAreCutLikeTheStoredOccurrenceAndNeverInsideASurrogatePair() {
        String longPath = "a".repeat(1999) + "\uD83D\uDE00" + "tail";
        String location = FirstFindings.location(new Location.Code(longPath, OptionalInt.of(3), OptionalInt.empty(),
                Optional.empty()));
        assertEquals("a".repeat(1999) + ":3", location);
    }
}
