package org.gatehouse.compliance.check;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gatehouse.compliance.ClauseAnswer;
import org.gatehouse.compliance.ClauseCheck;
import org.gatehouse.compliance.Evidence;
import org.gatehouse.compliance.ProjectEvidence;
import org.gatehouse.compliance.Text;
import org.gatehouse.scans.BuildProvenance;
import org.gatehouse.workflow.lifecycle.DefaultDefinitions;
import org.gatehouse.workflow.lifecycle.GateEvaluation;
import org.gatehouse.workflow.lifecycle.GateId;

/**
 * C.4's build-provenance part (V13): the latest release's recorded commit, build and artifact digests,
 * and — where the protection level has it — the gate that the released artifact is the scanned one. The
 * other parts of C.4 (repository access grants, licence inventory, the two-person rule for custom crypto) are
 * {@link RegistersCheck}'s.
 */
@ApplicationScoped
public class BuildProvenanceCheck implements ClauseCheck {
    static final String CLAUSE = "C.4";

    @Inject
    BuildProvenance provenance;

    @Override
    public Set<String> clauses() {
        return Set.of(CLAUSE);
    }

    @Override
    public List<ClauseAnswer> evaluate(ProjectEvidence project) {
        ClauseAnswer.Builder answer = ClauseAnswer.of(CLAUSE);
        if (project.latest().isEmpty()) {
            return List.of(answer.missing(Text.of("compliance.no-release", project.project().key().value())).build());
        }
        String release = project.latest().get().id().toString();
        String version = project.latest().get().version();
        Optional<BuildProvenance.Build> build = provenance.of(project.reader(), release);
        if (build.isPresent()) {
            answer.met(Evidence.onRelease(Evidence.Kind.REGISTER, "release_build", Text.of("compliance.build",
                    build.get().commit(), build.get().buildId(), build.get().artifacts().size(), version), release));
        } else {
            answer.missing(Text.of("compliance.no-build", version));
        }
        GateId gate = new GateId(DefaultDefinitions.BUILD_PROVENANCE_RECORDED);
        project.gates().stream().flatMap(r -> r.gates().stream()).filter(g -> g.gate().equals(gate)).findFirst()
                .filter(GateEvaluation::passes).ifPresent(g -> answer.met(Evidence.onRelease(Evidence.Kind.GATE,
                        gate.value(), Text.of("compliance.gate-passed", gate.value(), version,
                                project.latest().get().phase().name()), release)));
        return List.of(answer.build());
    }
}
