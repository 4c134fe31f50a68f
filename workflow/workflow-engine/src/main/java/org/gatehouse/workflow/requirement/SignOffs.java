package org.gatehouse.workflow.requirement;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.gatehouse.evidence.certificate.SignedDecision;
import org.gatehouse.identity.access.AccessDenied;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.access.Role;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.identity.outbox.EventType;
import org.gatehouse.identity.outbox.Outbox;
import org.gatehouse.identity.outbox.OutboxEvent;
import org.gatehouse.platform.id.Uuid7;
import org.gatehouse.workflow.api.ReleaseId;
import org.gatehouse.workflow.api.ReleaseStatus;
import org.gatehouse.workflow.lifecycle.PhaseTerminal;
import org.gatehouse.workflow.release.Release;
import org.gatehouse.workflow.release.Releases;
import org.gatehouse.workflow.signing.DecisionSignatures;
import org.gatehouse.platform.sql.Jdbc;

/**
 * Consensus sign-offs (B.1.3.1-ib "达成共识"): a person holding one of a subject's roles in the
 * project agrees to its content as they saw it (its digest). Refused when the content changed since,
 * when the role is missing or not needed, when someone already signed that role, or when the person
 * already signed the same content in another role. Each sign-off is signed with the person's key and
 * time-stamped (7.4.2, 7.4.3) in the same transaction.
 */
@ApplicationScoped
@Transactional
public class SignOffs {
    @Inject
    Releases releases;

    @Inject
    DecisionSignatures signatures;

    @Inject
    AuditTrail audit;

    @Inject
    Instance<FindingCounts> findingCounts;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    /** Every subject's agreement for the release (RELEASE_READ). */
    @Transactional
    public List<SubjectStatus> status(Actor actor, String releaseId) {
        return status(releases.get(actor, releaseId).id());
    }

    /** Every subject's agreement, read without an actor. */
    @Transactional
    public List<SubjectStatus> status(ReleaseId release) {
        return read(c -> {
            ReleaseContent content = content(c, release, EnumSet.allOf(SignOffSubject.class));
            List<SignOff> signOffs = RequirementStore.signOffs(c, release);
            return Arrays.stream(SignOffSubject.values()).map(subject -> Agreements.status(subject, content, signOffs))
                    .toList();
        });
    }

    /** One subject's agreement, reading only what it needs (the gates; they check nothing else). */
    @Transactional
    public SubjectStatus status(ReleaseId release, SignOffSubject subject) {
        return read(c -> Agreements.status(subject, content(c, release, EnumSet.of(subject)),
                RequirementStore.signOffs(c, release)));
    }

    /** Everything sign-offs agree to, read now without an actor (the reviews). */
    @Transactional
    public ReleaseContent content(ReleaseId release) {
        return read(c -> content(c, release, EnumSet.allOf(SignOffSubject.class)));
    }

    /** Only what the given subjects agree to (the gates: the findings are counted only for the audit report). */
    @Transactional
    public ReleaseContent content(ReleaseId release, Set<SignOffSubject> subjects) {
        return read(c -> content(c, release, subjects));
    }

    /** Reads what the given subjects agree to; the findings only when an audit conclusion exists. */
    private ReleaseContent content(Connection c, ReleaseId release, Set<SignOffSubject> subjects) throws SQLException {
        boolean requirements = subjects.contains(SignOffSubject.SECURITY_REQUIREMENTS)
                || subjects.contains(SignOffSubject.TEST_RECOMMENDATIONS);
        Optional<AuditConclusion> audit = subjects.contains(SignOffSubject.SECURITY_AUDIT_REPORT)
                ? RequirementStore.audit(c, release) : Optional.empty();
        Map<String, Integer> findings = audit.isPresent() && !findingCounts.isUnsatisfied()
                ? findingCounts.get().of(release) : Map.of();
        return new ReleaseContent(requirements ? RequirementStore.requirements(c, release) : List.of(),
                subjects.contains(SignOffSubject.RISK_ASSESSMENT) ? RequirementStore.assessment(c, release) : Optional.empty(),
                subjects.contains(SignOffSubject.DESIGN_RECOMMENDATIONS) ? RequirementStore.designs(c, release) : List.of(),
                audit, findings,
                subjects.contains(SignOffSubject.PRE_PRODUCTION_REVIEW) ? RequirementStore.checklist(c, release) : List.of(),
                subjects.contains(SignOffSubject.CODING_STANDARD) ? RequirementStore.codingStandard(c, release)
                        : Optional.empty());
    }

    /** Signs a subject's content in a role (SIGN_OFF and the role itself in the release's project). */
    public SubjectStatus sign(Actor actor, String releaseId, SignOffSubject subject, String roleName, String seenSha256,
            Optional<String> comment) {
        Release release = releases.get(actor, releaseId);
        if (!actor.may(Permission.SIGN_OFF, release.project())) {
            throw new AccessDenied(Permission.SIGN_OFF);
        }
        Role role = Arrays.stream(Role.values()).filter(r -> r.name().equalsIgnoreCase(String.valueOf(roleName)))
                .findFirst().orElseThrow(() -> SignOffRefused.roleNotNeeded(subject, String.valueOf(roleName)));
        if (!subject.roles().contains(role)) {
            throw SignOffRefused.roleNotNeeded(subject, role.name());
        }
        // one sign-off at a time per release: the checks below read what the others wrote
        em.refresh(release, LockModeType.PESSIMISTIC_WRITE);
        if (release.status() == ReleaseStatus.CLOSED) {
            throw new PhaseTerminal(release.phase());
        }
        ReleaseId id = release.id();
        SubjectStatus now = write(c -> Agreements.status(subject, content(c, id, EnumSet.of(subject)),
                RequirementStore.signOffs(c, id)));
        String digest = now.contentSha256().orElseThrow(() -> SignOffRefused.nothingToSign(subject));
        if (!digest.equals(seenSha256)) {
            throw SignOffRefused.contentChanged(subject, String.valueOf(seenSha256), digest);
        }
        if (!actor.rolesIn(release.project()).contains(role)) {
            throw SignOffRefused.roleMissing(subject, role.name());
        }
        for (SignOff given : now.signOffs()) {
            if (given.role() == role && given.signer().equals(actor.name())) {
                return now; // the same person signing the same role again: nothing new
            }
            if (given.role() == role) {
                throw SignOffRefused.roleTaken(subject, role.name());
            }
            if (given.signer().equals(actor.name())) {
                throw SignOffRefused.secondRole(subject, given.role().name());
            }
        }
        Instant at = clock.instant();
        SignOff signOff = new SignOff(subject, digest, role, actor.name(), at, comment.filter(c -> !c.isBlank()));
        String signedSubject = "sign-off:" + subject.name() + ":" + role.name();
        SignedDecision signed = signatures.sign(id, signedSubject, "agree sha256:" + digest, actor.name(), at,
                signOff.comment());
        write(c -> {
            RequirementStore.insert(c, id, Uuid7.next(clock), signOff);
            signatures.store(c, id, signedSubject, actor.name(), at, signed);
            return null;
        });
        audit.record(actor, AuditEntry.success("sign-off.given", "release:" + id, subject + " as " + role + " for sha256:"
                + digest));
        SubjectStatus after = write(c -> Agreements.status(subject, content(c, id, EnumSet.of(subject)),
                RequirementStore.signOffs(c, id)));
        if (!after.missing().isEmpty()) {
            outbox.publish(signOffRequested(release, after, actor));
        }
        return after;
    }

    /** The roles still missing are asked to sign the content just signed (issue 7). */
    private static OutboxEvent signOffRequested(Release release, SubjectStatus status, Actor by) {
        JsonArrayBuilder missing = Json.createArrayBuilder();
        status.missing().forEach(role -> missing.add(role.name()));
        return OutboxEvent.of(EventType.SIGN_OFF_REQUESTED, release.project(), "release:" + release.id(),
                Json.createObjectBuilder().add("release", release.id().toString()).add("version", release.version())
                        .add("subject", status.subject().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).add("contentSha256", status.contentSha256().orElse(""))
                        .add("signedBy", by.name()).add("missingRoles", missing).build());
    }

    private <T> T read(Requirements.Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.on(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the sign-offs", e);
        }
    }

    private <T> T write(Requirements.Work<T> work) {
        try {
            return work.on(Jdbc.enlisted(em.unwrap(Connection.class)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the sign-off", e);
        }
    }
}
