package org.gatehouse.issuetracker.api;

/**
 * An issue's state as Gatehouse reads it: open, resolved (closed as done: a claimed fix), or
 * closed without a fix (won't do, not planned, duplicate): that is no fix claim and never a
 * dismissal, which needs Gatehouse's four-eyes decision.
 */
public enum ExternalState {
    OPEN, RESOLVED, CLOSED_UNRESOLVED
}
