package org.gatehouse.workflow.definition;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** A workflow definition document that is not {@code gatehouse-workflow/1}: the JSON pointer of the culprit first. */
public final class MalformedDefinition extends DomainException {
    private static final long serialVersionUID = 1L;

    private final String pointer;

    MalformedDefinition(String pointer, String key, Object... more) {
        super(ProblemType.VALIDATION_FAILED, key, arguments(pointer.isEmpty() ? "/" : pointer, more));
        this.pointer = pointer.isEmpty() ? "/" : pointer;
    }

    private static Object[] arguments(String pointer, Object... more) {
        Object[] all = new Object[more.length + 1];
        all[0] = pointer;
        System.arraycopy(more, 0, all, 1, more.length);
        return all;
    }

    /** Where in the document (RFC 6901 JSON pointer). */
    public String pointer() {
        return pointer;
    }
}
