package org.gatehouse.tracking.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.gatehouse.findings.finding.Finding;
import org.gatehouse.findings.finding.Findings;
import org.gatehouse.identity.access.AccessDenied;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.issuetracker.api.ExternalIssue;
import org.gatehouse.issuetracker.api.TrackerCallFailed;
import org.gatehouse.tracking.connection.StoredConnection;
import org.gatehouse.tracking.connection.TrackerConnections;
import org.gatehouse.tracking.connection.TrackerFailed;
import org.gatehouse.workflow.api.ProjectKey;

/**
 * Files findings as issues in the project's tracker (issue 7): one issue per finding, or one issue
 * for a group. Everything is checked before the first call (the actor's TRACKER_LINK and FINDING_READ,
 * the findings' project, no finding filed twice); each issue's links are written as soon as the
 * tracker created it, so a failure part-way through a bulk request leaves exactly the issues that
 * exist linked, and says which findings were not filed.
 */
@ApplicationScoped
public class IssueLinks {
    public static final int MAX_FINDINGS = 100;

    @Inject
    Findings findings;

    @Inject
    TrackerConnections connections;

    @Inject
    LinkStore links;

    @Inject
    org.gatehouse.tracking.connection.Outbound outbound;

    /** The outcome of a request: the links created, and the findings not filed with why. */
    public record Filed(List<LinkView> created, List<Refusal> refused) {
    }

    /** A finding not filed. */
    public record Refusal(String findingId, String problem, String detail) {
    }

    public Filed file(Actor actor, ProjectKey project, List<String> ids, boolean group, URI gatehouse) {
        if (!actor.may(Permission.TRACKER_LINK, project)) {
            throw new AccessDenied(Permission.TRACKER_LINK);
        }
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(ids == null ? List.<String>of() : ids));
        if (distinct.isEmpty() || distinct.size() > MAX_FINDINGS) {
            throw SyncProblem.count(MAX_FINDINGS);
        }
        List<Finding> chosen = new ArrayList<>();
        for (String id : distinct) {
            Finding finding = findings.get(actor, id);
            if (!finding.project().equals(project)) {
                throw SyncProblem.otherProject(id, project.value());
            }
            if (links.linked(finding.id().value())) {
                throw SyncProblem.alreadyLinked(id);
            }
            chosen.add(finding);
        }
        StoredConnection.Resolved connection = connections.resolved(project);
        List<List<Finding>> issues = group ? List.of(chosen) : chosen.stream().map(List::of).toList();
        List<LinkView> created = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        for (List<Finding> issue : issues) {
            try {
                ExternalIssue filed = connection.tracker().create(outbound.http(), connection.target(),
                        IssueTexts.draft(issue, project.value(), connection.stored().language(), gatehouse));
                List<UUID> ids2 = issue.stream().map(f -> f.id().value()).toList();
                links.insert(actor, connection.stored().id(), filed, ids2);
                issue.forEach(f -> created.add(new LinkView(f.id().toString(), filed.key(), filed.url().toString(),
                        filed.state().name(), null, null, actor.name())));
            } catch (TrackerCallFailed e) {
                if (issues.size() == 1) {
                    connections.recordError(connection.stored().id(), java.util.Optional.of(e.problem() + ": " + e.getMessage()));
                    throw new TrackerFailed(e);
                }
                issue.forEach(f -> refused.add(new Refusal(f.id().toString(), e.problem().name(), e.getMessage())));
            }
        }
        return new Filed(created, refused);
    }

    public List<LinkView> list(Actor actor, ProjectKey project, int limit) {
        if (!actor.may(Permission.FINDING_READ, project)) {
            throw new AccessDenied(Permission.FINDING_READ);
        }
        return links.list(project, Math.max(1, Math.min(limit, 500)));
    }
}
