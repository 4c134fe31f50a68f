package org.gatehouse.scanner.sarif;

import com.fasterxml.jackson.core.JsonLocation;
import org.gatehouse.scanner.api.ReportParseException;

/**
 * What one log may hold at once of its runs' {@code artifacts} and {@code logicalLocations} (the
 * lists its results name by index): entries and characters. A run's lists are held until its
 * results have been read and then given back, so a log of many runs read in one pass is bounded by
 * its largest run, and a log whose runs all wait for a second pass by all of them together. Beyond
 * the budget the log is refused (hostile input: a million empty artifacts cost a few megabytes to
 * write and far more to hold).
 */
final class SarifBudget {
    /** The most artifacts and logical locations held at once. */
    static final int MAX_ENTRIES = 1_000_000;
    /** The most characters of their uris, uri base ids and names held at once. */
    static final long MAX_CHARACTERS = 64L * 1024 * 1024;

    private final int maxEntries;
    private final long maxCharacters;
    private int entries;
    private long characters;

    SarifBudget(int maxEntries, long maxCharacters) {
        this.maxEntries = maxEntries;
        this.maxCharacters = maxCharacters;
    }

    /** Holds one more entry of so many characters, or refuses the log at that entry. */
    void spend(long entryCharacters, String list, JsonLocation at) throws ReportParseException {
        entries++;
        characters += entryCharacters;
        if (entries > maxEntries || characters > maxCharacters) {
            throw new ReportParseException("too many " + list + ": more than " + maxEntries + " entries or " + maxCharacters
                    + " characters of artifacts and logical locations", SarifPlugin.position(at), null);
        }
    }

    /** Gives back what a run's lists held once they are no longer needed. */
    void refund(int entryCount, long entryCharacters) {
        entries -= entryCount;
        characters -= entryCharacters;
    }
}
