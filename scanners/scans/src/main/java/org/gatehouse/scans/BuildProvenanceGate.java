package org.gatehouse.scans;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gatehouse.workflow.lifecycle.DefaultDefinitions;
import org.gatehouse.workflow.lifecycle.Gate;
import org.gatehouse.workflow.lifecycle.GateContext;
import org.gatehouse.workflow.lifecycle.GateId;
import org.gatehouse.workflow.lifecycle.GateResult;
import org.gatehouse.workflow.release.ReleaseArtifacts;

/**
 * C.4 (level 3): the release's build is recorded (commit, CI build, artifact digests), and every
 * artifact being released is byte for byte an artifact a white-box scan of this release analysed.
 */
@Dependent
public class BuildProvenanceGate implements Gate {
    private static final GateId ID = new GateId(DefaultDefinitions.BUILD_PROVENANCE_RECORDED);

    @Inject
    BuildProvenance builds;

    @Inject
    ScannedArtifacts scanned;

    @Override
    public GateId id() {
        return ID;
    }

    @Override
    public GateResult evaluate(GateContext context) {
        Optional<BuildProvenance.Build> build = builds.of(context.release());
        if (build.isEmpty()) {
            return GateResult.blocked("gate.build.not-recorded");
        }
        Set<String> analysed = scanned.scannedDigests(context.release());
        List<String> unscanned = build.get().artifacts().stream().filter(a -> !analysed.contains(a.sha256()))
                .map(ReleaseArtifacts.Artifact::name).toList();
        if (!unscanned.isEmpty()) {
            return GateResult.blocked("gate.build.unscanned", unscanned.size(), String.join(", ", unscanned));
        }
        return GateResult.passed();
    }
}
