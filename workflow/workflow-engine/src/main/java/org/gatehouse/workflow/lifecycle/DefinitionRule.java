package org.gatehouse.workflow.lifecycle;

/** The rules every workflow definition must satisfy when it is built; each names one kind of problem. */
public enum DefinitionRule {
    /** A gate id that is not dotted kebab-case. */
    MALFORMED_GATE_ID("malformed-gate-id"),
    /** An activity id that is not kebab-case. */
    MALFORMED_ACTIVITY_ID("malformed-activity-id"),
    /** Two routes leave the same phase on the same trigger. */
    DUPLICATE_TRIGGER("duplicate-trigger"),
    /** The definition declares no terminal phase. */
    NO_TERMINAL_PHASE("no-terminal-phase"),
    /** A route leaves a terminal phase. */
    EXIT_FROM_TERMINAL("exit-from-terminal"),
    /** An activity is declared on a terminal phase, where it could never be done. */
    ACTIVITY_IN_TERMINAL_PHASE("activity-in-terminal-phase"),
    /** A phase the initial phase cannot reach. */
    UNREACHABLE_PHASE("unreachable-phase"),
    /** A non-terminal phase from which no terminal phase can be reached. */
    NO_PATH_TO_TERMINAL("no-path-to-terminal"),
    /** Parameters for a gate no route uses (usually a misspelt id). */
    UNUSED_GATE_PARAMETERS("unused-gate-parameters");

    private final String slug;

    DefinitionRule(String slug) {
        this.slug = slug;
    }

    public String messageKey() {
        return "lifecycle.definition." + slug;
    }
}
