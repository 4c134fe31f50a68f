package org.gatehouse.workflow.lifecycle;

import java.util.List;

/** What a gate says about a transition: it passes, it blocks (with reasons), or it waits for something (pending). */
public sealed interface GateResult permits GateResult.Passed, GateResult.Blocked, GateResult.Pending {

    /** Why it does not pass; empty when it passes. */
    List<Reason> reasons();

    default boolean passes() {
        return this instanceof Passed;
    }

    static GateResult passed() {
        return new Passed();
    }

    static GateResult blocked(String key, Object... arguments) {
        return new Blocked(List.of(Reason.of(key, arguments)));
    }

    static GateResult pending(String key, Object... arguments) {
        return new Pending(List.of(Reason.of(key, arguments)));
    }

    /** The gate's condition holds. */
    record Passed() implements GateResult {
        @Override
        public List<Reason> reasons() {
            return List.of();
        }
    }

    /** The condition does not hold; at least one reason. */
    record Blocked(List<Reason> reasons) implements GateResult {
        public Blocked {
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a blocked gate says why");
            }
        }
    }

    /** The evidence is not there yet (e.g. a scan still running); blocks like {@link Blocked}. */
    record Pending(List<Reason> reasons) implements GateResult {
        public Pending {
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a pending gate says what it waits for");
            }
        }
    }
}
