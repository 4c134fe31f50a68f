package org.gatehouse.workflow.lifecycle;

/**
 * A condition guarding a transition, contributed by any module (scan gates live with the findings).
 * Implementations are side-effect-free and thread-safe: they read, never write.
 */
public interface Gate {

    /** The stable id definitions refer to. */
    GateId id();

    /** Evaluates the condition; never changes anything. Messages resolve beside the implementing class. */
    GateResult evaluate(GateContext context);
}
