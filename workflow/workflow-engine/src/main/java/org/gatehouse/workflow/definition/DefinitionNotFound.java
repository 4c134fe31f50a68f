package org.gatehouse.workflow.definition;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;
import org.gatehouse.workflow.lifecycle.DefinitionRef;

/** No workflow definition of that id and version. */
public final class DefinitionNotFound extends DomainException {
    private static final long serialVersionUID = 1L;

    public DefinitionNotFound(DefinitionRef ref) {
        super(ProblemType.NOT_FOUND, "definition.not-found", ref.toString());
    }

    public DefinitionNotFound(String what) {
        super(ProblemType.NOT_FOUND, "definition.not-found", what);
    }
}
