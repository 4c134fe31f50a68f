package org.gatehouse.workflow.lifecycle;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** A workflow definition broke one of the {@link DefinitionRule}s; {@link #subject()} names the culprit. */
public final class InvalidWorkflowDefinition extends DomainException {
    private static final long serialVersionUID = 1L;

    private final DefinitionRule rule;
    private final String subject;

    public InvalidWorkflowDefinition(DefinitionRef definition, DefinitionRule rule, String subject) {
        super(ProblemType.VALIDATION_FAILED, rule.messageKey(), definition.toString(), subject);
        this.rule = rule;
        this.subject = subject;
    }

    public DefinitionRule rule() {
        return rule;
    }

    public String subject() {
        return subject;
    }
}
