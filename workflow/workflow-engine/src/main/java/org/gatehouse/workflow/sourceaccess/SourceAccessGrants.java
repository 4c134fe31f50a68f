package org.gatehouse.workflow.sourceaccess;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gatehouse.identity.access.AccessDenied;
import org.gatehouse.identity.access.AccountId;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.platform.id.Uuid7;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.project.Projects;

/**
 * The source-access boundary (C.4): a project's people request access to one of its repositories for
 * themselves (a project owner may request it for another person of the project); a project owner other
 * than the requester and the grantee approves or refuses; an owner revokes. Grants end by themselves at
 * {@code validUntil} (at most {@code gatehouse.source-access.max-days}, default 365 days ahead). Every
 * step is audited in its transaction; refusals of the permission or of self-approval are audited as
 * denials by the REST layer.
 */
@ApplicationScoped
@Transactional
public class SourceAccessGrants {
    static final int MAX_LISTED = 1000;
    private static final String COLUMNS = "SELECT id, project_key, repository, grantee_login, access, reason, valid_until,"
            + " state, requested_by, requested_by_id, requested_at, decided_by, decided_at, decision_note, revoked_by,"
            + " revoked_at, revoke_reason FROM source_access_grant";

    @Inject
    Projects projects;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "gatehouse.source-access.max-days", defaultValue = "365")
    int maxDays;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @jakarta.annotation.Resource(lookup = "java:app/jdbc/gatehouse")
    javax.sql.DataSource dataSource;

    /** What a person asks for. {@code grantee} empty: the requester. */
    public record Request(String repository, Optional<String> grantee, SourceAccessGrant.Access access, String reason,
            Instant validUntil) {
    }

    /** Which grants a listing shows. */
    public enum Filter {
        ALL, REQUESTED, IN_FORCE, EXPIRED, ENDED
    }

    public SourceAccessGrant request(Actor actor, String key, Request request) {
        ProjectKey project = projects.get(actor, Permission.SOURCE_ACCESS_REQUEST, key).key();
        AccountId requester = actor.account().orElseThrow(() -> new AccessDenied(Permission.SOURCE_ACCESS_REQUEST));
        String grantee = request.grantee().map(String::strip).filter(g -> !g.isEmpty()).orElse(actor.name());
        if (!grantee.equals(actor.name()) && !actor.may(Permission.SOURCE_ACCESS_APPROVE, project)) {
            throw new AccessDenied(Permission.SOURCE_ACCESS_APPROVE); // only owners ask on someone else's behalf
        }
        String repository = Optional.ofNullable(request.repository()).map(String::strip).orElse("");
        String reason = Optional.ofNullable(request.reason()).map(String::strip).orElse("");
        if (repository.isEmpty() || repository.length() > 500) {
            throw new GrantInvalid("source-access.repository-invalid");
        }
        if (reason.isEmpty() || reason.length() > 2000) {
            throw new GrantInvalid("source-access.reason-required");
        }
        if (request.access() == null) {
            throw new GrantInvalid("source-access.access-required");
        }
        Instant now = clock.instant();
        if (request.validUntil() == null || !request.validUntil().isAfter(now)
                || request.validUntil().isAfter(now.plus(Duration.ofDays(maxDays)))) {
            throw new GrantInvalid("source-access.until-invalid", maxDays);
        }
        try {
            Connection c = connection();
            if (Jdbc.first(c, "SELECT 1 FROM account a JOIN role_grant g ON g.account_id = a.id WHERE a.login = ?"
                    + " AND a.kind = 'PERSON' AND NOT a.disabled AND g.project_key = ?", r -> 1, grantee, project.value())
                    .isEmpty()) {
                throw new GrantInvalid("source-access.grantee-not-in-project", grantee, project.value());
            }
            SourceAccessGrant grant = new SourceAccessGrant(Uuid7.next(clock), project, repository, grantee,
                    request.access(), reason, request.validUntil(), SourceAccessGrant.State.REQUESTED, actor.name(),
                    requester, now, Optional.empty(), Optional.empty());
            Jdbc.update(c, "INSERT INTO source_access_grant (id, project_key, repository, grantee_login, access, reason,"
                    + " valid_until, state, requested_by, requested_by_id, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?)", grant.id(), project.value(), repository, grantee, grant.access().name(), reason,
                    utc(grant.validUntil()), grant.state().name(), actor.name(), requester.value(), utc(now));
            audit.record(actor, AuditEntry.success("source-access.requested", "source-access:" + grant.id(),
                    describe(grant)));
            return grant;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the request", e);
        }
    }

    public SourceAccessGrant approve(Actor actor, String key, String id, Optional<String> note) {
        return decide(actor, key, id, "source-access.approved", grant -> grant.approve(approver(actor), actor.name(),
                clock.instant(), clean(note)));
    }

    public SourceAccessGrant refuse(Actor actor, String key, String id, Optional<String> note) {
        return decide(actor, key, id, "source-access.refused", grant -> grant.refuse(approver(actor), actor.name(),
                clock.instant(), clean(note)));
    }

    public SourceAccessGrant revoke(Actor actor, String key, String id, String reason) {
        return decide(actor, key, id, "source-access.revoked", grant -> grant.revoke(actor.name(), clock.instant(),
                reason == null ? "" : reason.length() > 2000 ? reason.substring(0, 2000) : reason));
    }

    /** A project's grants and requests, newest first, filtered by where they stand now. */
    @Transactional
    public List<SourceAccessGrant> list(Actor actor, String key, Filter filter) {
        ProjectKey project = projects.get(actor, Permission.SOURCE_ACCESS_READ, key).key();
        String where = switch (filter) {
            case ALL -> "";
            case REQUESTED -> " AND state = 'REQUESTED'";
            case IN_FORCE -> " AND state = 'APPROVED' AND valid_until > ?";
            case EXPIRED -> " AND state = 'APPROVED' AND valid_until <= ?";
            case ENDED -> " AND (state IN ('REFUSED', 'REVOKED') OR state = 'APPROVED' AND valid_until <= ?)";
        };
        Object[] parameters = filter == Filter.ALL || filter == Filter.REQUESTED
                ? new Object[] {project.value(), MAX_LISTED}
                : new Object[] {project.value(), utc(clock.instant()), MAX_LISTED};
        try {
            try (Connection c = dataSource.getConnection()) {
                return Jdbc.list(c, COLUMNS + " WHERE project_key = ?" + where
                        + " ORDER BY requested_at DESC, id DESC LIMIT ?", SourceAccessGrants::row, parameters);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the grants", e);
        }
    }

    @Transactional
    public SourceAccessGrant get(Actor actor, String key, String id) {
        ProjectKey project = projects.get(actor, Permission.SOURCE_ACCESS_READ, key).key();
        try {
            try (Connection c = dataSource.getConnection()) {
                return find(c, project, id, false);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the grant", e);
        }
    }

    public Instant now() {
        return clock.instant();
    }

    private SourceAccessGrant decide(Actor actor, String key, String id, String event,
            java.util.function.UnaryOperator<SourceAccessGrant> step) {
        ProjectKey project = projects.get(actor, Permission.SOURCE_ACCESS_APPROVE, key).key();
        try {
            Connection c = connection();
            SourceAccessGrant decided = step.apply(find(c, project, id, true));
            Optional<SourceAccessGrant.Decision> decision = decided.decision();
            Optional<SourceAccessGrant.Decision> revocation = decided.revocation();
            Jdbc.update(c, "UPDATE source_access_grant SET state = ?, decided_by = ?, decided_at = ?, decision_note = ?,"
                    + " revoked_by = ?, revoked_at = ?, revoke_reason = ? WHERE id = ?", decided.state().name(),
                    decision.map(SourceAccessGrant.Decision::by).orElse(null),
                    decision.map(d -> utc(d.at())).orElse(null),
                    decision.flatMap(SourceAccessGrant.Decision::note).orElse(null),
                    revocation.map(SourceAccessGrant.Decision::by).orElse(null),
                    revocation.map(d -> utc(d.at())).orElse(null),
                    revocation.flatMap(SourceAccessGrant.Decision::note).orElse(null), decided.id());
            audit.record(actor, AuditEntry.success(event, "source-access:" + decided.id(), describe(decided)));
            return decided;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the decision", e);
        }
    }

    private static AccountId approver(Actor actor) {
        return actor.account().orElseThrow(() -> new AccessDenied(Permission.SOURCE_ACCESS_APPROVE));
    }

    private static Optional<String> clean(Optional<String> note) {
        return note.map(String::strip).filter(n -> !n.isEmpty()).map(n -> n.length() > 2000 ? n.substring(0, 2000) : n);
    }

    private static SourceAccessGrant find(Connection c, ProjectKey project, String id, boolean lock) throws SQLException {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new GrantNotFound(String.valueOf(id));
        }
        return Jdbc.first(c, COLUMNS + " WHERE project_key = ? AND id = ?" + (lock ? " FOR UPDATE" : ""),
                SourceAccessGrants::row, project.value(), uuid).orElseThrow(() -> new GrantNotFound(id));
    }

    private static String describe(SourceAccessGrant g) {
        return "project " + g.project() + ": " + g.access() + " of " + g.repository() + " for " + g.grantee() + " until "
                + g.validUntil() + " (" + g.state() + ")";
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private Connection connection() {
        return Jdbc.enlisted(em.unwrap(Connection.class));
    }

    static SourceAccessGrant row(ResultSet r) throws SQLException {
        Optional<SourceAccessGrant.Decision> decision = Optional.ofNullable(r.getTimestamp(13)).map(at ->
                new SourceAccessGrant.Decision(string(r, 12), at.toInstant(), Optional.ofNullable(string(r, 14))));
        Optional<SourceAccessGrant.Decision> revocation = Optional.ofNullable(r.getTimestamp(16)).map(at ->
                new SourceAccessGrant.Decision(string(r, 15), at.toInstant(), Optional.ofNullable(string(r, 17))));
        return new SourceAccessGrant(r.getObject(1, UUID.class), new ProjectKey(r.getString(2)), r.getString(3),
                r.getString(4), SourceAccessGrant.Access.valueOf(r.getString(5)), r.getString(6),
                r.getTimestamp(7).toInstant(), SourceAccessGrant.State.valueOf(r.getString(8)), r.getString(9),
                new AccountId(r.getObject(10, UUID.class)), r.getTimestamp(11).toInstant(), decision, revocation);
    }

    private static String string(ResultSet r, int column) {
        try {
            return r.getString(column);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
