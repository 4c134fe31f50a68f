package org.gatehouse.scanner.api;

import java.util.Objects;

/**
 * A component's licence as a bill of materials states it: an SPDX licence id (or a
 * {@code LicenseRef-…}), a free-text name, an SPDX licence expression, or none at all.
 */
public record ReportedLicence(Kind kind, String value) {
    public static final ReportedLicence NONE = new ReportedLicence(Kind.NONE, "");

    /** How the licence is given. */
    public enum Kind {
        ID, NAME, EXPRESSION, NONE
    }

    public ReportedLicence {
        Objects.requireNonNull(kind, "kind");
        value = value == null ? "" : value.strip();
        if (kind != Kind.NONE && value.isEmpty()) {
            throw new IllegalArgumentException("a licence " + kind + " needs a value");
        }
    }

    /**
     * The licence part of a finding's identity and rule id: the SPDX id itself, {@code name:…},
     * {@code expression:…}, or {@code none}.
     */
    public String key() {
        return switch (kind) {
            case ID -> value;
            case NAME -> "name:" + value;
            case EXPRESSION -> "expression:" + value;
            case NONE -> "none";
        };
    }
}
