package org.gatehouse.issuetracker.api;

import java.util.List;

/** Issues changed since a time; {@code truncated} when the tracker had more than the limit asked for. */
public record ChangedIssues(List<ExternalIssue> issues, boolean truncated) {
    public ChangedIssues {
        issues = List.copyOf(issues);
    }
}
