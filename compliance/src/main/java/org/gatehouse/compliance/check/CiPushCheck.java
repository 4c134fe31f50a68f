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
 * 7.8.3-dl..ds, the CI push API as the project uses it: its active tokens (per-project credentials), how
 * many sign their requests and are limited to source ranges, and the call log. The platform's own
 * controls (signature window, nonces, declared formats, size limits, safe parsing) hold for every token.
 */
@ApplicationScoped
public class CiPushCheck implements ClauseCheck {
    static final String CLAUSE = "7.8.3-dl..ds";

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Override
    public Set<String> clauses() {
        return Set.of(CLAUSE);
    }

    @Override
    public List<ClauseAnswer> evaluate(ProjectEvidence project) {
        String key = project.project().key().value();
        long[] tokens = Sql.longs(em, "SELECT count(*), count(t.signing_key_ref), count(t.allowed_sources),"
                + " (SELECT count(*) FROM (SELECT 1 FROM api_call c WHERE c.project_key = ? LIMIT 100000) calls)"
                + " FROM api_token t JOIN account a ON a.id = t.account_id"
                + " WHERE a.project_key = ? AND t.revoked_at IS NULL AND t.expires_at > now()", key, key);
        ClauseAnswer.Builder answer = ClauseAnswer.of(CLAUSE)
                .met(Evidence.of(Evidence.Kind.SETTING, "signed-push", Text.of("compliance.push-controls")))
                .auditorChecks(Text.of("compliance.auditor.interface-agreements"));
        answer.met(Evidence.of(Evidence.Kind.REGISTER, "api_token", Text.of("compliance.tokens", tokens[0], tokens[1],
                tokens[2], key)));
        answer.met(Evidence.of(Evidence.Kind.COUNT, "api_call", Text.of("compliance.api-calls", tokens[3], key)));
        if (tokens[1] < tokens[0]) {
            answer.missing(Text.of("compliance.tokens-unsigned", tokens[0] - tokens[1]));
        }
        if (tokens[2] < tokens[0]) {
            answer.missing(Text.of("compliance.tokens-unrestricted", tokens[0] - tokens[2]));
        }
        return List.of(answer.build());
    }
}
