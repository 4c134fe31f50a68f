package org.gatehouse.findings.inventory;

import java.util.Optional;
import org.gatehouse.scanner.api.Severity;

/**
 * What a project's licence policy says of one licence (C.4: only licensed software is used), from
 * best to worst: allowed, known but not on the allow list, unknown (no licence, or a name nobody
 * listed, or an expression that cannot be read), denied. Stored by name.
 */
public enum LicenceVerdict {
    ALLOWED(Optional.empty(), ""),
    NOT_LISTED(Optional.of(Severity.MEDIUM), "Licence not on the allow list"),
    UNKNOWN(Optional.of(Severity.MEDIUM), "Unknown licence"),
    DENIED(Optional.of(Severity.HIGH), "Denied licence");

    private final Optional<Severity> severity;
    private final String label;

    LicenceVerdict(Optional<Severity> severity, String label) {
        this.severity = severity;
        this.label = label;
    }

    /** The severity of the finding this verdict files; none when allowed. */
    public Optional<Severity> severity() {
        return severity;
    }

    /** How a finding's title names the verdict (finding titles are English, like the tools' own). */
    public String label() {
        return label;
    }

    /** A verdict named in a request (case-insensitive). */
    public static LicenceVerdict parse(String name) {
        for (LicenceVerdict verdict : values()) {
            if (verdict.name().equalsIgnoreCase(name.strip())) {
                return verdict;
            }
        }
        throw new LicencePolicy.Invalid("licence-verdict.unknown", name.length() > 40 ? name.substring(0, 40) : name);
    }

    static LicenceVerdict worse(LicenceVerdict a, LicenceVerdict b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    static LicenceVerdict better(LicenceVerdict a, LicenceVerdict b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
