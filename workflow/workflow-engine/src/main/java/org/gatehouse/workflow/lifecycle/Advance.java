package org.gatehouse.workflow.lifecycle;

/** The outcome of a successful trigger: the state to store and the transition to append to the log. */
public record Advance(ReleaseState state, Transition transition) {
}
