package org.gatehouse.workflow.requirement;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.gatehouse.evidence.Sha256;
import org.gatehouse.evidence.json.CanonicalJson;
import org.gatehouse.identity.access.Role;

/**
 * What a sign-off agrees to, as a digest of the content's canonical JSON (RFC 8785), and where each
 * subject's agreement stands. Pure: the content is the requirements, the test points or the risk
 * assessment as they are now; a sign-off counts only for the exact content it was given for.
 */
public final class Agreements {
    /** How many requirement keys a "lacking" note lists before it says "…". */
    static final int LISTED = 10;

    private Agreements() {
    }

    /** The SHA-256 (hex) of the subject's content now; empty when there is nothing to agree to yet. */
    public static Optional<String> digest(SignOffSubject subject, List<Requirement> requirements,
            Optional<RiskAssessment> assessment) {
        return content(subject, requirements, assessment).map(node -> Sha256.of(CanonicalJson.write(node)).hex());
    }

    static Optional<com.fasterxml.jackson.databind.JsonNode> content(SignOffSubject subject, List<Requirement> requirements,
            Optional<RiskAssessment> assessment) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        List<Requirement> active = requirements.stream().filter(Requirement::active).toList();
        switch (subject) {
            case RISK_ASSESSMENT:
                return assessment.map(a -> {
                    ObjectNode node = json.objectNode();
                    node.put("assetValue", a.rating().assetValue()).put("likelihood", a.rating().likelihood())
                            .put("impact", a.rating().impact()).put("level", a.rating().level().number())
                            .put("threats", a.threats()).put("businessLoss", a.businessLoss());
                    return node;
                });
            case SECURITY_REQUIREMENTS: {
                if (active.isEmpty()) {
                    return Optional.empty();
                }
                ArrayNode array = json.arrayNode();
                active.forEach(r -> {
                    ObjectNode node = array.addObject().put("key", r.key()).put("title", r.title());
                    r.clause().ifPresent(v -> node.put("clause", v));
                    r.titleZh().ifPresent(v -> node.put("titleZh", v));
                    r.description().ifPresent(v -> node.put("description", v));
                    r.ticket().ifPresent(v -> node.put("ticket", v));
                });
                return Optional.of(array);
            }
            case TEST_RECOMMENDATIONS: {
                if (active.isEmpty()) {
                    return Optional.empty();
                }
                ArrayNode array = json.arrayNode();
                active.forEach(r -> {
                    ObjectNode node = array.addObject().put("key", r.key()).put("title", r.title());
                    r.testPoint().ifPresent(v -> node.put("testPoint", v));
                });
                return Optional.of(array);
            }
            default:
                throw new IllegalArgumentException(subject.name());
        }
    }

    /** Where the agreement on {@code subject} stands, given every sign-off the release has. */
    public static SubjectStatus status(SignOffSubject subject, List<Requirement> requirements,
            Optional<RiskAssessment> assessment, List<SignOff> signOffs) {
        Optional<String> digest = digest(subject, requirements, assessment);
        List<SignOff> current = signOffs.stream()
                .filter(s -> s.subject() == subject && digest.isPresent() && s.contentSha256().equals(digest.get()))
                .toList();
        Set<Role> signed = current.stream().map(SignOff::role).collect(Collectors.toSet());
        List<Role> missing = subject.roles().stream().filter(role -> !signed.contains(role)).toList();
        List<String> lacking = new ArrayList<>();
        if (subject == SignOffSubject.TEST_RECOMMENDATIONS) {
            List<String> withoutTestPoint = requirements.stream().filter(Requirement::active)
                    .filter(r -> r.testPoint().filter(t -> !t.isBlank()).isEmpty()).map(Requirement::key).toList();
            if (!withoutTestPoint.isEmpty()) {
                lacking.add(String.join(", ", withoutTestPoint.subList(0, Math.min(LISTED, withoutTestPoint.size())))
                        + (withoutTestPoint.size() > LISTED ? ", …" : ""));
            }
        }
        return new SubjectStatus(subject, digest, current, missing, lacking);
    }
}
