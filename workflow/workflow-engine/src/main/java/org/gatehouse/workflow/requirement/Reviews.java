package org.gatehouse.workflow.requirement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.gatehouse.identity.access.AccessDenied;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.platform.id.Uuid7;
import org.gatehouse.workflow.api.ReleaseStatus;
import org.gatehouse.workflow.lifecycle.PhaseTerminal;
import org.gatehouse.workflow.release.Release;
import org.gatehouse.workflow.release.Releases;
import org.gatehouse.platform.sql.Jdbc;

/**
 * Transaction boundary of the reviews that sign-offs agree to: the design review (B.1.3.1-ic, 8.4;
 * REQUIREMENT_EDIT), the security reviewer's audit conclusion (B.1.3.1-ih/ii; AUDIT_CONCLUDE) and the
 * pre-production checklist (8.6, 8.7; RELEASE_APPROVE). Every change is audited.
 */
@ApplicationScoped
@Transactional
public class Reviews {
    static final Pattern DESIGN_KEY = Pattern.compile("DR-[0-9]{1,4}");

    @Inject
    Releases releases;

    @Inject
    SignOffs signOffs;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    /** A design recommendation as written; the key is chosen when absent. */
    public record DesignDraft(Optional<String> key, DesignRecommendation.Topic topic, String subject, String recommendation,
            List<String> requirements, DesignRecommendation.Decision decision, Optional<String> decisionNote) {
    }

    @Transactional
    public ReleaseContent content(Actor actor, String releaseId) {
        return signOffs.content(releases.get(actor, releaseId).id());
    }

    /** Adds or rewrites a design recommendation (its decision included). */
    public DesignRecommendation design(Actor actor, String releaseId, DesignDraft draft) {
        Release release = changeable(actor, releaseId, Permission.REQUIREMENT_EDIT);
        draft.key().filter(k -> !DESIGN_KEY.matcher(k).matches()).ifPresent(k -> {
            throw new InvalidRequirementInput("design.malformed-key", k);
        });
        draft.requirements().stream().filter(k -> !Requirements.KEY.matcher(k).matches()).findFirst().ifPresent(k -> {
            throw new InvalidRequirementInput("requirement.malformed-key", k);
        });
        if (draft.decision() == DesignRecommendation.Decision.DISPUTED && draft.decisionNote().isEmpty()) {
            throw new InvalidRequirementInput("design.dispute-needs-note");
        }
        String key = draft.key().orElseGet(() -> "DR-" + (signOffs.content(release.id()).designs().size() + 1));
        DesignRecommendation recommendation = new DesignRecommendation(key, draft.topic(), draft.subject(),
                draft.recommendation(), draft.requirements(), draft.decision(), draft.decisionNote(), actor.name(),
                clock.instant());
        write(c -> RequirementStore.saveDesign(c, release.id(), Uuid7.next(clock), recommendation));
        audit.record(actor, AuditEntry.success("design-recommendation.saved", "release:" + release.id(),
                key + " (" + draft.decision() + "): " + draft.subject()));
        return recommendation;
    }

    /** The security reviewer's verdict and conclusion (AUDIT_CONCLUDE). */
    public AuditConclusion conclude(Actor actor, String releaseId, AuditConclusion.Verdict verdict, String conclusion) {
        Release release = changeable(actor, releaseId, Permission.AUDIT_CONCLUDE);
        AuditConclusion written = new AuditConclusion(verdict, conclusion.strip(), actor.name(), clock.instant());
        write(c -> RequirementStore.saveAudit(c, release.id(), written));
        audit.record(actor, AuditEntry.success("audit-report.concluded", "release:" + release.id(), verdict.name()));
        return written;
    }

    /** Attaches (or replaces) the coding standard the release is built against (B.1.3.1-id; REQUIREMENT_EDIT). */
    public CodingStandard attach(Actor actor, String releaseId, String name, String version, Optional<String> location,
            Optional<String> documentSha256) {
        Release release = changeable(actor, releaseId, Permission.REQUIREMENT_EDIT);
        documentSha256.filter(d -> !d.matches("[0-9a-f]{64}")).ifPresent(d -> {
            throw new InvalidRequirementInput("coding-standard.malformed-digest");
        });
        CodingStandard standard = new CodingStandard(name.strip(), version.strip(), location, documentSha256, actor.name(),
                clock.instant());
        write(c -> RequirementStore.saveCodingStandard(c, release.id(), standard));
        audit.record(actor, AuditEntry.success("coding-standard.attached", "release:" + release.id(),
                standard.name() + " " + standard.version()));
        return standard;
    }

    /** Checks (or unchecks) an item of the pre-production checklist (RELEASE_APPROVE). */
    public PreProductionChecklist.Check check(Actor actor, String releaseId, String item, boolean checked,
            Optional<String> note) {
        Release release = changeable(actor, releaseId, Permission.RELEASE_APPROVE);
        if (!PreProductionChecklist.isItem(item)) {
            throw new InvalidRequirementInput("pre-production.unknown-item", item.length() > 60 ? item.substring(0, 60) : item);
        }
        PreProductionChecklist.Check check = new PreProductionChecklist.Check(item, checked, note, actor.name(),
                clock.instant());
        write(c -> RequirementStore.saveCheck(c, release.id(), check));
        audit.record(actor, AuditEntry.success("pre-production.checked", "release:" + release.id(),
                item + " = " + checked));
        return check;
    }

    private Release changeable(Actor actor, String releaseId, Permission permission) {
        Release release = releases.get(actor, releaseId);
        if (!actor.may(permission, release.project())) {
            throw new AccessDenied(permission);
        }
        if (release.status() == ReleaseStatus.CLOSED) {
            throw new PhaseTerminal(release.phase());
        }
        return release;
    }

    private interface Write {
        void on(Connection connection) throws SQLException;
    }

    private void write(Write write) {
        try {
            write.on(Jdbc.enlisted(em.unwrap(Connection.class)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the review", e);
        }
    }
}
