package org.gatehouse.workflow.lifecycle;

/** The stable id of a gate: kebab-case words, optionally namespaced by dots ({@code white-box.no-open-findings}). */
public record GateId(String value) {
    public GateId {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("a gate id must be dotted kebab-case: " + value);
        }
    }

    public static boolean isWellFormed(String text) {
        return Identifiers.isDottedKebab(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
