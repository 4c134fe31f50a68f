package org.gatehouse.scanner.worker;

import edu.umd.cs.findbugs.FindBugs;
import edu.umd.cs.findbugs.config.AnalysisFeatureSetting;
import java.util.Locale;

/** SpotBugs' analysis effort; {@link #MAX} finds the most (interprocedural taint for SQL injection and XSS, B.1.4.1). */
public enum Effort {
    MIN, DEFAULT, MAX;

    /** The command-line spelling ({@code min}, {@code default}, {@code max}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Effort parse(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    AnalysisFeatureSetting[] settings() {
        return switch (this) {
            case MIN -> FindBugs.MIN_EFFORT;
            case DEFAULT -> FindBugs.DEFAULT_EFFORT;
            case MAX -> FindBugs.MAX_EFFORT;
        };
    }
}
