package org.gatehouse.compliance.check;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.gatehouse.compliance.ClauseAnswer;
import org.gatehouse.compliance.ClauseCheck;
import org.gatehouse.compliance.Evidence;
import org.gatehouse.compliance.ProjectEvidence;
import org.gatehouse.compliance.Text;

/**
 * The registers of Appendix C that the platform keeps (ADR 0020, 0022): C.2 — the project's environments and their
 * devices with a responsible person and compliance (separation is enforced when an environment is recorded); C.4 —
 * source-repository access grants in force, the licence policy and the latest release's software inventory, and the
 * two-person reviews of self-written cryptography. Counts only, in one query: the registers themselves are a click
 * away. The build-provenance part of C.4 is {@link BuildProvenanceCheck}'s; both answers are merged.
 */
@ApplicationScoped
public class RegistersCheck implements ClauseCheck {
    static final String ENVIRONMENTS = "C.2";
    static final String SOURCE = "C.4";
    /** Devices checked longer ago than this count as not compliant here (the devices register's default, 90 days). */
    private static final String CHECK_AGE = "90 days";

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Override
    public Set<String> clauses() {
        return Set.of(ENVIRONMENTS, SOURCE);
    }

    @Override
    public List<ClauseAnswer> evaluate(ProjectEvidence project) {
        String key = project.project().key().value();
        UUID latest = project.latest().map(r -> r.id().value()).orElse(new UUID(0, 0));
        long[] f = Sql.longs(em, "SELECT"
                + " (SELECT count(*) FROM project_environment WHERE project_key = ?),"
                + " (SELECT count(*) FROM project_environment WHERE project_key = ? AND kind = 'PRODUCTION'),"
                + " (SELECT count(*) FROM project_device WHERE project_key = ?),"
                + " (SELECT count(*) FROM project_device WHERE project_key = ? AND patched AND antivirus AND disk_encrypted"
                + "   AND last_checked_at > now() - CAST(? AS interval)),"
                + " (SELECT count(*) FROM source_access_grant WHERE project_key = ? AND state = 'APPROVED' AND valid_until > now()),"
                + " (SELECT count(*) FROM licence_policy WHERE project_key = ?),"
                + " (SELECT coalesce(sum(components), 0) FROM component_import WHERE release_id = ?),"
                + " (SELECT count(*) FROM component_flag WHERE project_key = ? AND flag = 'SELF_WRITTEN_CRYPTO'),"
                + " (SELECT count(*) FROM crypto_review WHERE release_id = ?)",
                key, key, key, key, CHECK_AGE, key, key, latest, key, latest);
        ClauseAnswer.Builder environments = ClauseAnswer.of(ENVIRONMENTS)
                .auditorChecks(Text.of("compliance.auditor.devices"));
        if (f[0] == 0) {
            environments.missing(Text.of("compliance.no-environments"));
        } else {
            environments.met(Evidence.of(Evidence.Kind.REGISTER, "project_environment",
                    Text.of("compliance.environments", f[0], f[1])));
        }
        if (f[2] == 0) {
            environments.missing(Text.of("compliance.no-devices"));
        } else if (f[3] < f[2]) {
            environments.missing(Text.of("compliance.devices-not-compliant", f[2] - f[3], f[2]));
        } else {
            environments.met(Evidence.of(Evidence.Kind.REGISTER, "project_device", Text.of("compliance.devices", f[2])));
        }
        ClauseAnswer.Builder source = ClauseAnswer.of(SOURCE)
                .met(Evidence.of(Evidence.Kind.REGISTER, "source_access_grant", Text.of("compliance.source-grants", f[4])));
        if (f[5] == 0) {
            source.missing(Text.of("compliance.no-licence-policy"));
        } else {
            source.met(Evidence.of(Evidence.Kind.REGISTER, "licence_policy", Text.of("compliance.licence-policy")));
        }
        if (project.latest().isPresent() && f[6] > 0) {
            source.met(Evidence.onRelease(Evidence.Kind.REGISTER, "release_component",
                    Text.of("compliance.inventory", f[6], project.latest().get().version()), latest.toString()));
        } else {
            source.missing(Text.of("compliance.no-inventory"));
        }
        if (f[7] > 0) {
            source.met(Evidence.of(Evidence.Kind.REGISTER, "crypto_review", Text.of("compliance.crypto-reviews", f[7], f[8])));
        }
        return List.of(environments.build(), source.build());
    }
}
