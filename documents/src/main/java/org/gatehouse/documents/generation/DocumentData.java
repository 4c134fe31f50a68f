package org.gatehouse.documents.generation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gatehouse.documents.DocumentLanguage;
import org.gatehouse.findings.manual.TestCase;
import org.gatehouse.workflow.lifecycle.Waiver;
import org.gatehouse.workflow.requirement.AuditConclusion;
import org.gatehouse.workflow.requirement.DesignRecommendation;
import org.gatehouse.workflow.requirement.Requirement;
import org.gatehouse.workflow.requirement.RiskAssessment;
import org.gatehouse.workflow.requirement.SubjectStatus;

/**
 * Everything a document of a release is made of, read once: nothing in here depends on who
 * generates the document or when, so the same data renders the same bytes.
 */
public record DocumentData(Release release, List<Requirement> requirements, Optional<RiskAssessment> assessment,
        List<SubjectStatus> signOffs, List<DesignRecommendation> designs, List<String> untraced,
        Optional<AuditConclusion> audit, Findings whiteBox, Findings blackBox, Findings all, List<TestCase> testCases,
        List<GateLine> gates, List<Waiver> waivers) {

    public DocumentData {
        requirements = List.copyOf(requirements);
        signOffs = List.copyOf(signOffs);
        designs = List.copyOf(designs);
        untraced = List.copyOf(untraced);
        testCases = List.copyOf(testCases);
        gates = List.copyOf(gates);
        waivers = List.copyOf(waivers);
    }

    /** The release the document is about. */
    public record Release(String id, String project, String version, String phase, int protectionLevel) {
    }

    /**
     * Findings of one part of testing: counts by {@code STATE/SEVERITY}, the total, and the first
     * ones (most severe first) up to the listing cap; the rest is "and N more".
     */
    public record Findings(Map<String, Integer> counts, int total, List<FindingLine> listed) {
        public Findings {
            counts = Map.copyOf(counts);
            listed = List.copyOf(listed);
        }

        public static Findings none() {
            return new Findings(Map.of(), 0, List.of());
        }
    }

    /** One finding as a document lists it; every text is data to escape. */
    public record FindingLine(String severity, String state, String scanner, String ruleId, String title,
            String location) {
    }

    /** One gate of a forward move, as evaluated when the data was read. */
    /** A gate's answer on a move, its reasons as text in each language of the documents (not message keys). */
    public record GateLine(String route, String gate, String answer, Map<DocumentLanguage, String> reasons) {
        public GateLine {
            reasons = Map.copyOf(reasons);
        }

        public String reasons(DocumentLanguage language) {
            return reasons.getOrDefault(language, "");
        }
    }
}
