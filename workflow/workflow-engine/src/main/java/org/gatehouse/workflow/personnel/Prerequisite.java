package org.gatehouse.workflow.personnel;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.gatehouse.platform.error.DomainException;

/** What a person must hold before a vetted role on a project counts (C.1). Wire names are stable. */
public enum Prerequisite {
    /** A background check with status PASSED. */
    BACKGROUND_CHECK("background-check"),
    /** A confidentiality agreement in force today (signed on or before, expiring on or after today, UTC). */
    CONFIDENTIALITY_AGREEMENT("confidentiality-agreement"),
    /** A security-awareness training in force today. */
    SECURITY_AWARENESS_TRAINING("security-awareness-training"),
    /** A secure-coding training in force today (level 3). */
    SECURE_CODING_TRAINING("secure-coding-training");

    private final String wireName;

    Prerequisite(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Its name for people, from this package's {@code Messages} bundle. */
    public String label(Locale locale) {
        return DomainException.Messages.format(Prerequisite.class, "prerequisite." + wireName, locale);
    }

    public static Optional<Prerequisite> of(String wireName) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(wireName)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
