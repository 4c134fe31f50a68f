package org.gatehouse.evidence.certificate;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How a release gate ended: passed, or waived (then a {@link Waiver} for the gate is required). */
public record GateResult(String gateId, Outcome outcome, List<String> reasons) {

    /** Only these outcomes let a release through. */
    public enum Outcome {
        PASSED, WAIVED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Outcome> fromId(String id) {
            for (Outcome outcome : values()) {
                if (outcome.id().equals(id)) {
                    return Optional.of(outcome);
                }
            }
            return Optional.empty();
        }
    }

    public GateResult {
        Fields.text(gateId, "gate id");
        java.util.Objects.requireNonNull(outcome, "outcome");
        reasons = List.copyOf(reasons);
    }
}
