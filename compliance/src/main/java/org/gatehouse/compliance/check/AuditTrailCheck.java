package org.gatehouse.compliance.check;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;
import org.gatehouse.compliance.ClauseAnswer;
import org.gatehouse.compliance.ClauseCheck;
import org.gatehouse.compliance.Evidence;
import org.gatehouse.compliance.ProjectEvidence;
import org.gatehouse.compliance.Text;

/**
 * B.2.4.3-kd..kf, B.1.2.17-hu..hv and 7.2.5, 7.2.6: the audit trail's protection as the database holds it
 * now (both append-only triggers enabled, the application's role without UPDATE, DELETE or TRUNCATE) and
 * its head. The full hash-chain verification streams the whole trail, so it is not part of the matrix (it
 * would not stay cheap): the auditor runs it (GET /api/v1/audit/verification) and compares the head.
 */
@ApplicationScoped
public class AuditTrailCheck implements ClauseCheck {
    static final String AUDIT = "B.2.4.3-kd..kf, B.1.2.17-hu..hv";
    static final String LOGS = "7.2.5, 7.2.6";

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Override
    public Set<String> clauses() {
        return Set.of(AUDIT, LOGS);
    }

    @Override
    public List<ClauseAnswer> evaluate(ProjectEvidence project) {
        long[] facts = Sql.longs(em, "SELECT (SELECT count(*) FROM pg_trigger WHERE tgrelid = 'audit_event'::regclass"
                + " AND tgenabled <> 'D' AND tgname IN ('audit_event_no_update', 'audit_event_no_truncate')),"
                + " (has_table_privilege('audit_event', 'UPDATE') OR has_table_privilege('audit_event', 'DELETE')"
                + " OR has_table_privilege('audit_event', 'TRUNCATE'))::int,"
                + " (SELECT coalesce(max(seq), 0) FROM audit_event)");
        long triggers = facts[0];
        boolean mayChange = facts[1] == 1;
        long head = facts[2];
        ClauseAnswer.Builder audit = ClauseAnswer.of(AUDIT)
                .auditorChecks(Text.of("compliance.auditor.verify-chain"));
        if (triggers == 2) {
            audit.met(Evidence.of(Evidence.Kind.AUDIT_CHAIN, "audit_event", Text.of("compliance.audit-append-only")));
        } else {
            audit.missing(Text.of("compliance.audit-trigger-missing", triggers));
        }
        if (mayChange) {
            audit.missing(Text.of("compliance.audit-role-may-change"));
        } else {
            audit.met(Evidence.of(Evidence.Kind.AUDIT_CHAIN, "audit_event.privileges", Text.of("compliance.audit-role-insert-only")));
        }
        audit.met(Evidence.of(Evidence.Kind.AUDIT_CHAIN, "audit_event.head", Text.of("compliance.audit-head", head)));
        audit.met(Evidence.of(Evidence.Kind.SETTING, "DeniedRequestAlerts", Text.of("compliance.denials-alerted")));
        ClauseAnswer logs = ClauseAnswer.of(LOGS)
                .met(Evidence.of(Evidence.Kind.AUDIT_CHAIN, "audit_event", Text.of("compliance.logs-kept", head)))
                .auditorChecks(Text.of("compliance.auditor.review-logs")).build();
        return List.of(audit.build(), logs);
    }
}
