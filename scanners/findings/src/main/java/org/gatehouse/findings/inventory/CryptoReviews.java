package org.gatehouse.findings.inventory;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.gatehouse.identity.access.AccessDenied;
import org.gatehouse.identity.access.AccountId;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.access.Role;
import org.gatehouse.identity.access.SeparationOfDuties;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.platform.time.UtcTime;
import org.gatehouse.workflow.release.Release;
import org.gatehouse.workflow.release.Releases;

/**
 * Dual control of self-written cryptography (C.4): for each component of a release flagged
 * {@link ComponentFlag#SELF_WRITTEN_CRYPTO}, a security reviewer of the project records that they
 * reviewed it and names its implementer, a developer of the project who is someone else — the
 * separation-of-duties rule ({@link SeparationOfDuties}). One review per component and release (a new
 * one replaces it); each audited. The gate {@code crypto.dual-control} reads them.
 */
@ApplicationScoped
@Transactional
public class CryptoReviews {
    @Inject
    Releases releases;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    /** A recorded review. */
    public record Review(String identity, String implementer, String reviewer, String note, OffsetDateTime reviewedAt) {
    }

    @Transactional
    public List<Review> of(Actor actor, String releaseId) {
        Release release = readable(actor, releaseId);
        try (Connection c = dataSource.getConnection()) {
            return Jdbc.list(c, "SELECT identity, implementer, reviewer, note, reviewed_at FROM crypto_review"
                    + " WHERE release_id = ? ORDER BY identity", r -> new Review(r.getString(1), r.getString(2),
                            r.getString(3), r.getString(4), r.getObject(5, OffsetDateTime.class)), release.id().value());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the reviews", e);
        }
    }

    public Review record(Actor actor, String releaseId, String identity, String implementer, String note) {
        Release release = releases.get(actor, releaseId);
        if (!actor.may(Permission.SIGN_OFF, release.project())) {
            throw new AccessDenied(Permission.SIGN_OFF);
        }
        String component = identity == null ? "" : identity.strip();
        String text = note == null ? "" : note.strip();
        if (text.length() > 2_000) {
            throw new LicencePolicy.Invalid("crypto-review.malformed");
        }
        try {
            Connection c = Jdbc.enlisted(em.unwrap(Connection.class));
            if (!ComponentFlags.flagged(c, release.project(), ComponentFlag.SELF_WRITTEN_CRYPTO).contains(component)) {
                throw new LicencePolicy.Invalid("crypto-review.not-flagged", component);
            }
            UUID developer = Jdbc.first(c, "SELECT a.id FROM account a JOIN role_grant g ON g.account_id = a.id"
                    + " WHERE a.login = ? AND g.role = 'DEVELOPER' AND g.project_key = ?", r -> r.getObject(1, UUID.class),
                    implementer == null ? "" : implementer.strip(), release.project().value())
                    .orElseThrow(() -> new LicencePolicy.Invalid("crypto-review.no-such-developer", implementer));
            // C.4: implemented and reviewed by two different people; the reviewer is a security reviewer
            SeparationOfDuties.requireApprover(new AccountId(developer), actor, Role.SECURITY_REVIEWER, release.project());
            OffsetDateTime now = UtcTime.now(clock);
            Jdbc.update(c, "INSERT INTO crypto_review (release_id, identity, implementer, reviewer, note, reviewed_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (release_id, identity) DO UPDATE SET implementer ="
                    + " EXCLUDED.implementer, reviewer = EXCLUDED.reviewer, note = EXCLUDED.note, reviewed_at ="
                    + " EXCLUDED.reviewed_at", release.id().value(), component, implementer.strip(), actor.name(), text, now);
            audit.record(actor, AuditEntry.success("crypto.reviewed", "release:" + release.id(), component
                    + " implemented by " + implementer.strip() + ", reviewed by " + actor.name()));
            return new Review(component, implementer.strip(), actor.name(), text, now);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the review", e);
        }
    }

    private Release readable(Actor actor, String releaseId) {
        Release release = releases.get(actor, releaseId);
        if (!actor.may(Permission.FINDING_READ, release.project())) {
            throw new AccessDenied(Permission.FINDING_READ);
        }
        return release;
    }
}
