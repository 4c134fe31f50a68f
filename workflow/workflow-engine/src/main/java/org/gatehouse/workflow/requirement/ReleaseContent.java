package org.gatehouse.workflow.requirement;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything of a release that sign-offs agree to, as read at one moment: requirements, the risk
 * assessment, the design review, the audit conclusion with the findings as they stand, the
 * pre-production checklist and the coding standard.
 */
public record ReleaseContent(List<Requirement> requirements, Optional<RiskAssessment> assessment,
        List<DesignRecommendation> designs, Optional<AuditConclusion> audit, Map<String, Integer> findings,
        List<PreProductionChecklist.Check> checklist, Optional<CodingStandard> codingStandard) {

    public ReleaseContent {
        requirements = List.copyOf(requirements);
        designs = List.copyOf(designs);
        findings = Map.copyOf(findings);
        checklist = List.copyOf(checklist);
    }

    /** Requirements and assessment only (the rest empty). */
    public static ReleaseContent of(List<Requirement> requirements, Optional<RiskAssessment> assessment) {
        return new ReleaseContent(requirements, assessment, List.of(), Optional.empty(), Map.of(), List.of(),
                Optional.empty());
    }

    public List<Requirement> active() {
        return requirements.stream().filter(Requirement::active).toList();
    }
}
