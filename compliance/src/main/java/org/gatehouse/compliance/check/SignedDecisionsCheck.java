package org.gatehouse.compliance.check;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.gatehouse.compliance.ClauseAnswer;
import org.gatehouse.compliance.ClauseCheck;
import org.gatehouse.compliance.Evidence;
import org.gatehouse.compliance.ProjectEvidence;
import org.gatehouse.compliance.Text;
import org.gatehouse.workflow.signing.DecisionSignatures;

/**
 * 7.4.2-bb..be and 7.4.3-bf..bh: the latest release's signed decisions (moves, waivers, sign-offs,
 * documents, tickets), each verified now against the signing CA, and their RFC 3161 time-stamps.
 */
@ApplicationScoped
public class SignedDecisionsCheck implements ClauseCheck {
    @Override
    public Set<String> clauses() {
        return Set.of("7.4.2-bb..be", "7.4.3-bf..bh");
    }

    @Override
    public List<ClauseAnswer> evaluate(ProjectEvidence project) {
        if (project.latest().isEmpty()) {
            Text none = Text.of("compliance.no-release", project.project().key().value());
            return List.of(ClauseAnswer.of("7.4.2-bb..be").missing(none).build(),
                    ClauseAnswer.of("7.4.3-bf..bh").missing(none).build());
        }
        String release = project.latest().get().id().toString();
        String version = project.latest().get().version();
        List<DecisionSignatures.Checked> checked = project.signatures();
        long valid = checked.stream().filter(DecisionSignatures.Checked::valid).count();
        long stamped = checked.stream().filter(c -> c.valid() && c.timeStampedAt().isPresent()).count();
        ClauseAnswer.Builder signatures = ClauseAnswer.of("7.4.2-bb..be");
        ClauseAnswer.Builder stamps = ClauseAnswer.of("7.4.3-bf..bh");
        if (checked.isEmpty()) {
            signatures.missing(Text.of("compliance.no-signatures", version));
            stamps.missing(Text.of("compliance.no-signatures", version));
        } else {
            signatures.met(Evidence.onRelease(Evidence.Kind.SIGNATURE, release, Text.of("compliance.signatures-valid",
                    valid, checked.size(), version), release));
            stamps.met(Evidence.onRelease(Evidence.Kind.SIGNATURE, release, Text.of("compliance.time-stamped",
                    stamped, checked.size(), version), release));
            checked.stream().filter(c -> !c.valid()).limit(10).forEach(c -> signatures.missing(Text.of(
                    "compliance.signature-invalid", c.subject(), c.signer(), c.problem().orElse("?"))));
            if (stamped < valid) {
                stamps.missing(Text.of("compliance.not-time-stamped", valid - stamped, version));
            }
        }
        return List.of(signatures.build(), stamps.build());
    }
}
