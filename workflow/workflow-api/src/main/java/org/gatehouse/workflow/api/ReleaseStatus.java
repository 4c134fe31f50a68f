package org.gatehouse.workflow.api;

/**
 * Whether a release is still moving. The phase model of the workflow (B.1.3.1-ia) refines
 * {@link #OPEN} into phases; a closed release accepts no more changes.
 */
public enum ReleaseStatus {
    OPEN,
    CLOSED
}
