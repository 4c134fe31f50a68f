package org.gatehouse.workflow.release;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** A trigger, activity or gate name that is not even well-formed (kebab-case); well-formed unknown ones get the engine's answer. */
public final class UnknownLifecycleName extends DomainException {
    private static final long serialVersionUID = 1L;

    public UnknownLifecycleName(String kind, String name) {
        super(ProblemType.VALIDATION_FAILED, "release.lifecycle.malformed-name", kind,
                name.length() > 100 ? name.substring(0, 100) + "…" : name);
    }
}
