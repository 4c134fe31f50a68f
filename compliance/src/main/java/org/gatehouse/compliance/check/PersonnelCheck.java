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
 * C.1 from the personnel register (ADR 0019): at protection levels 2 and 3 everyone holding a developer, tester or
 * security-reviewer role in the project has a passed background check, a confidentiality agreement in force and a
 * security-awareness training in force (level 3 also secure coding), and no role is suspended. At level 1 the guide's
 * "important projects" rule does not apply and the register is only shown. Counts in one query; the team screen has
 * the names.
 */
@ApplicationScoped
public class PersonnelCheck implements ClauseCheck {
    static final String CLAUSE = "C.1";

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Override
    public Set<String> clauses() {
        return Set.of(CLAUSE);
    }

    @Override
    public List<ClauseAnswer> evaluate(ProjectEvidence project) {
        String key = project.project().key().value();
        int level = project.project().protectionLevel().number();
        long[] f = Sql.longs(em, "WITH team AS (SELECT DISTINCT account_id FROM role_grant WHERE project_key = ?"
                + "   AND role IN ('DEVELOPER', 'TESTER', 'SECURITY_REVIEWER'))"
                + " SELECT (SELECT count(*) FROM team),"
                + " (SELECT count(*) FROM team t WHERE"
                + "   EXISTS (SELECT 1 FROM person_background_check b WHERE b.account_id = t.account_id AND b.status = 'PASSED')"
                + "   AND EXISTS (SELECT 1 FROM person_confidentiality_agreement a WHERE a.account_id = t.account_id"
                + "     AND a.expires_on >= current_date)"
                + "   AND EXISTS (SELECT 1 FROM person_training r WHERE r.account_id = t.account_id"
                + "     AND r.kind = 'SECURITY_AWARENESS' AND r.expires_on >= current_date)"
                + "   AND (? < 3 OR EXISTS (SELECT 1 FROM person_training r WHERE r.account_id = t.account_id"
                + "     AND r.kind = 'SECURE_CODING' AND r.expires_on >= current_date))),"
                + " (SELECT count(*) FROM role_suspension WHERE project_key = ?)", key, level, key);
        ClauseAnswer.Builder answer = ClauseAnswer.of(CLAUSE).auditorChecks(Text.of("compliance.auditor.personnel"));
        if (level < 2) {
            return List.of(answer.met(Evidence.of(Evidence.Kind.REGISTER, "personnel",
                    Text.of("compliance.personnel-level-1", f[0], f[1]))).build());
        }
        if (f[0] == 0) {
            answer.missing(Text.of("compliance.personnel-no-team"));
        } else if (f[1] < f[0]) {
            answer.missing(Text.of("compliance.personnel-unvetted", f[0] - f[1], f[0], level));
        } else {
            answer.met(Evidence.of(Evidence.Kind.REGISTER, "personnel", Text.of("compliance.personnel-vetted", f[0], level)));
        }
        if (f[2] > 0) {
            answer.missing(Text.of("compliance.personnel-suspended", f[2]));
        }
        return List.of(answer.build());
    }
}
