package org.gatehouse.tracking.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.gatehouse.identity.access.AccessDenied;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.issuetracker.api.ChangedIssues;
import org.gatehouse.issuetracker.api.ExternalIssue;
import org.gatehouse.issuetracker.api.ExternalState;
import org.gatehouse.issuetracker.api.TrackerCallFailed;
import org.gatehouse.issuetracker.api.WebhookDelivery;
import org.gatehouse.issuetracker.api.WebhookSignature;
import org.gatehouse.identity.secondfactor.SecretBox;
import org.gatehouse.platform.time.UtcTime;
import org.gatehouse.tracking.connection.ConnectionId;
import org.gatehouse.tracking.connection.Outbound;
import org.gatehouse.tracking.connection.StoredConnection;
import org.gatehouse.tracking.connection.TrackerConnections;
import org.gatehouse.tracking.connection.TrackerFailed;
import org.gatehouse.workflow.api.ProjectKey;

/**
 * The sync both ways (issue 7, ADR 0016). Out: each new {@code finding_event} row of a linked finding
 * becomes a comment on its issue, in order, the link's cursor moving past it only once the tracker
 * took the comment (at least once; the tracker's own changes are skipped so nothing bounces back).
 * In: a webhook (signature checked) or the periodic reconcile (issues changed since the last one)
 * reports an issue's state, which {@link LinkStore#apply} turns into finding changes.
 */
@ApplicationScoped
public class TrackerSync {
    private static final Logger LOG = Logger.getLogger(TrackerSync.class.getName());
    private static final int BATCH = 200;
    private static final int RECONCILE_LIMIT = 500;
    /** Clocks differ; the reconcile asks for a little more than since its last run. */
    private static final Duration OVERLAP = Duration.ofMinutes(5);

    @Inject
    TrackerConnections connections;

    @Inject
    LinkStore links;

    @Inject
    Outbound outbound;

    @Inject
    SecretBox secrets;

    @Inject
    Clock clock;

    /** Comments on issues for new state changes of their findings; returns how many comments were made. */
    public synchronized int pushComments() {
        int commented = 0;
        Map<ConnectionId, Optional<StoredConnection.Resolved>> cache = new HashMap<>();
        Set<ConnectionId> failed = new HashSet<>();
        for (LinkStore.PendingEvent event : links.pending(BATCH)) {
            if (failed.contains(event.connection())) {
                continue; // keep the order: nothing later for this tracker until the failed comment went out
            }
            Optional<StoredConnection.Resolved> connection = cache.computeIfAbsent(event.connection(), connections::resolved);
            if (connection.isEmpty()) {
                continue;
            }
            if (!event.actor().startsWith(LinkStore.TRACKER_ACTOR)) {
                try {
                    connection.get().tracker().comment(outbound.http(), connection.get().target(), event.issueKey(),
                            IssueTexts.stateChanged(event.finding().toString(), event.title(), event.from(), event.to(),
                                    event.byScan(), connection.get().stored().language()));
                    commented++;
                } catch (TrackerCallFailed e) {
                    failed.add(event.connection());
                    connections.recordError(event.connection(), Optional.of("comment on " + event.issueKey() + ": "
                            + e.problem() + ": " + e.getMessage()));
                    LOG.log(Level.WARNING, () -> "comment on " + event.issueKey() + " failed: " + e.problem() + " " + e.getMessage());
                    continue;
                }
            }
            links.advance(event.finding(), event.id());
        }
        return commented;
    }

    /**
     * A webhook delivery for connection {@code id}: signature first, then the issue's state. Returns findings changed.
     * A delivery that would give or take back a fix claim is checked against the issue as the tracker holds it
     * now: trackers retry failed deliveries late, after newer ones (Jira Cloud), so a delivery's state may be stale.
     * When the tracker cannot be asked, nothing changes and the answer is 502: the tracker retries, the reconcile
     * catches up.
     */
    public int receive(String id, WebhookDelivery delivery) {
        StoredConnection.Resolved connection = ConnectionId.parse(id).flatMap(connections::resolved)
                .orElseThrow(SyncProblem::webhookRejected);
        String header = connection.tracker().descriptor().signatureHeader();
        if (!WebhookSignature.verify(connection.stored().webhookSecret(secrets), delivery.body(),
                delivery.header(header).orElse(null))) {
            throw SyncProblem.webhookRejected();
        }
        Optional<ExternalIssue> issue;
        try {
            issue = connection.tracker().webhookIssue(connection.target(), delivery);
        } catch (TrackerCallFailed e) {
            throw SyncProblem.webhookUnreadable(e.getMessage());
        }
        if (issue.isEmpty()) {
            return 0;
        }
        Optional<ExternalState> known = links.known(connection.stored().id(), issue.get().key());
        if (known.isEmpty()) {
            return 0; // not an issue Gatehouse filed
        }
        ExternalIssue reported = issue.get();
        if ((known.get() == ExternalState.RESOLVED) != (reported.state() == ExternalState.RESOLVED)) {
            try {
                reported = connection.tracker().read(outbound.http(), connection.target(), reported.key());
            } catch (TrackerCallFailed e) {
                connections.recordError(connection.stored().id(), Optional.of("webhook: reading " + reported.key() + ": "
                        + e.problem() + ": " + e.getMessage()));
                throw new TrackerFailed(e);
            }
        }
        return links.apply(connection, reported, "webhook");
    }

    /** A project owner asks for a reconcile now. */
    public Reconciled reconcile(Actor actor, ProjectKey project) {
        if (!actor.may(Permission.TRACKER_ADMIN, project)) {
            throw new AccessDenied(Permission.TRACKER_ADMIN);
        }
        try {
            return reconcile(connections.resolved(project));
        } catch (TrackerCallFailed e) {
            throw new TrackerFailed(e);
        }
    }

    /** What a reconcile saw and changed. */
    public record Reconciled(int issues, int findingsChanged, boolean truncated) {
    }

    /** Every connection (the scheduler); failures are recorded on the connection and logged. */
    public int reconcileAll() {
        int changed = 0;
        for (StoredConnection.Resolved connection : connections.all()) {
            try {
                changed += reconcile(connection).findingsChanged();
            } catch (TrackerCallFailed | RuntimeException e) {
                LOG.log(Level.WARNING, () -> "reconcile of " + connection.stored().project().value() + " failed: " + e.getMessage());
            }
        }
        return changed;
    }

    private Reconciled reconcile(StoredConnection.Resolved connection) throws TrackerCallFailed {
        OffsetDateTime started = UtcTime.now(clock);
        OffsetDateTime since = connection.stored().reconciledUntil().orElse(started.minusDays(1)).minus(OVERLAP);
        ChangedIssues changed;
        try {
            changed = connection.tracker().changedSince(outbound.http(), connection.target(), since.toInstant(), RECONCILE_LIMIT);
        } catch (TrackerCallFailed e) {
            connections.recordError(connection.stored().id(), Optional.of("reconcile: " + e.problem() + ": " + e.getMessage()));
            throw e;
        }
        int findingsChanged = 0;
        OffsetDateTime until = started;
        for (ExternalIssue issue : changed.issues()) {
            findingsChanged += links.apply(connection, issue, "reconcile");
        }
        if (changed.truncated()) {
            // go on from the last change seen next time
            until = changed.issues().stream().flatMap(i -> i.updatedAt().stream()).max(java.util.Comparator.naturalOrder())
                    .map(i -> i.atOffset(java.time.ZoneOffset.UTC)).orElse(since);
        }
        connections.reconciled(connection.stored().id(), until);
        return new Reconciled(changed.issues().size(), findingsChanged, changed.truncated());
    }
}
