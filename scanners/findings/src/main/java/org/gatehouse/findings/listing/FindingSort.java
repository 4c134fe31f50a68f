package org.gatehouse.findings.listing;

import java.util.Locale;
import java.util.Optional;

/**
 * The orders the listing offers, each backed by an index on (project, key, id); newest first within a project merges
 * the newest of each severity from the severity index.
 */
public enum FindingSort {
    /** Most severe first (the default). */
    SEVERITY("f.severity_rank", true),
    /** Earliest SLA due date first. */
    DUE("f.due_at", true),
    /** Most recently created first: finding ids are time-ordered (UUIDv7). */
    NEWEST("f.id", false);

    private final String column;
    private final boolean ascending;

    FindingSort(String column, boolean ascending) {
        this.column = column;
        this.ascending = ascending;
    }

    String column() {
        return column;
    }

    boolean ascending() {
        return ascending;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FindingSort> parse(String text) {
        for (FindingSort sort : values()) {
            if (sort.id().equals(text)) {
                return Optional.of(sort);
            }
        }
        return Optional.empty();
    }
}
