package org.gatehouse.workflow.requirement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.gatehouse.evidence.Sha256;
import org.gatehouse.evidence.json.CanonicalJson;
import org.gatehouse.identity.access.Role;

/**
 * What a sign-off agrees to, as a digest of the content's canonical JSON (RFC 8785), and where each
 * subject's agreement stands (ADR 0011). Pure: the content is read at one moment
 * ({@link ReleaseContent}); a sign-off counts only for the exact content it was given for.
 */
public final class Agreements {
    /** How many keys a "lacking" note lists before it says "…". */
    static final int LISTED = 10;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Agreements() {
    }

    /** The SHA-256 (hex) of the subject's content now; empty when there is nothing to agree to yet. */
    public static Optional<String> digest(SignOffSubject subject, ReleaseContent content) {
        return content(subject, content).map(node -> Sha256.of(CanonicalJson.write(node)).hex());
    }

    /** Shorthand for the subjects that read requirements and the risk assessment only. */
    public static Optional<String> digest(SignOffSubject subject, List<Requirement> requirements,
            Optional<RiskAssessment> assessment) {
        return digest(subject, ReleaseContent.of(requirements, assessment));
    }

    static Optional<JsonNode> content(SignOffSubject subject, ReleaseContent content) {
        List<Requirement> active = content.active();
        switch (subject) {
            case RISK_ASSESSMENT:
                return content.assessment().map(a -> JSON.objectNode().put("assetValue", a.rating().assetValue())
                        .put("likelihood", a.rating().likelihood()).put("impact", a.rating().impact())
                        .put("level", a.rating().level().number()).put("threats", a.threats())
                        .put("businessLoss", a.businessLoss()));
            case SECURITY_REQUIREMENTS:
                return active.isEmpty() ? Optional.empty() : Optional.of(array(active, (node, r) -> {
                    node.put("key", r.key()).put("title", r.title());
                    r.clause().ifPresent(v -> node.put("clause", v));
                    r.titleZh().ifPresent(v -> node.put("titleZh", v));
                    r.description().ifPresent(v -> node.put("description", v));
                    r.ticket().ifPresent(v -> node.put("ticket", v));
                    if (!r.scanCwes().isEmpty()) { // what a scan must check is agreed too; absent before V28
                        ArrayNode cwes = node.putArray("scanCwes");
                        r.scanCwes().forEach(cwes::add);
                    }
                }));
            case TEST_RECOMMENDATIONS:
                return active.isEmpty() ? Optional.empty() : Optional.of(array(active, (node, r) -> {
                    node.put("key", r.key()).put("title", r.title());
                    r.testPoint().ifPresent(v -> node.put("testPoint", v));
                }));
            case DESIGN_RECOMMENDATIONS:
                return content.designs().isEmpty() ? Optional.empty() : Optional.of(array(content.designs(), (node, d) -> {
                    node.put("key", d.key()).put("topic", d.topic().name()).put("subject", d.subject())
                            .put("recommendation", d.recommendation()).put("decision", d.decision().name());
                    ArrayNode requirements = node.putArray("requirements");
                    d.requirements().forEach(requirements::add);
                    d.decisionNote().ifPresent(v -> node.put("decisionNote", v));
                }));
            case SECURITY_AUDIT_REPORT:
                return content.audit().map(a -> {
                    ObjectNode node = JSON.objectNode().put("verdict", a.verdict().name()).put("conclusion", a.conclusion());
                    ObjectNode findings = node.putObject("findings");
                    new TreeMap<>(content.findings()).forEach(findings::put);
                    return node;
                });
            case PRE_PRODUCTION_REVIEW:
                return content.checklist().isEmpty() ? Optional.empty() : Optional.of(array(content.checklist(),
                        (node, c) -> {
                            node.put("item", c.item()).put("checked", c.checked());
                            c.note().ifPresent(v -> node.put("note", v));
                        }));
            case CODING_STANDARD:
                return content.codingStandard().map(standard -> {
                    ObjectNode node = JSON.objectNode().put("name", standard.name()).put("version", standard.version());
                    standard.location().ifPresent(v -> node.put("location", v));
                    standard.documentSha256().ifPresent(v -> node.put("documentSha256", v));
                    return node;
                });
            default:
                throw new IllegalArgumentException(subject.name());
        }
    }

    /** Where the agreement on {@code subject} stands, given every sign-off the release has. */
    public static SubjectStatus status(SignOffSubject subject, ReleaseContent content, List<SignOff> signOffs) {
        Optional<String> digest = digest(subject, content);
        List<SignOff> current = signOffs.stream()
                .filter(s -> s.subject() == subject && digest.isPresent() && s.contentSha256().equals(digest.get()))
                .toList();
        Set<Role> signed = current.stream().map(SignOff::role).collect(Collectors.toSet());
        List<Role> missing = subject.roles().stream().filter(role -> !signed.contains(role)).toList();
        return new SubjectStatus(subject, digest, current, missing, lacking(subject, content));
    }

    /** Shorthand for the subjects that read requirements and the risk assessment only. */
    public static SubjectStatus status(SignOffSubject subject, List<Requirement> requirements,
            Optional<RiskAssessment> assessment, List<SignOff> signOffs) {
        return status(subject, ReleaseContent.of(requirements, assessment), signOffs);
    }

    /** The active requirements no design recommendation serves (8.4: every requirement maps to the design). */
    public static List<String> untraced(ReleaseContent content) {
        Set<String> traced = content.designs().stream().filter(d -> d.decision() != DesignRecommendation.Decision.DISPUTED)
                .flatMap(d -> d.requirements().stream()).collect(Collectors.toSet());
        return content.active().stream().map(Requirement::key).filter(key -> !traced.contains(key)).toList();
    }

    private static List<String> lacking(SignOffSubject subject, ReleaseContent content) {
        List<String> keys = switch (subject) {
            case TEST_RECOMMENDATIONS -> content.active().stream()
                    .filter(r -> r.testPoint().filter(t -> !t.isBlank()).isEmpty()).map(Requirement::key).toList();
            case DESIGN_RECOMMENDATIONS -> content.designs().stream()
                    .filter(d -> d.decision() == DesignRecommendation.Decision.PROPOSED).map(DesignRecommendation::key)
                    .toList();
            case SECURITY_AUDIT_REPORT -> content.audit().filter(a -> a.verdict() == AuditConclusion.Verdict.REJECT)
                    .map(a -> List.of(a.verdict().name())).orElse(List.of());
            case PRE_PRODUCTION_REVIEW -> content.checklist().isEmpty() ? List.of() : PreProductionChecklist.items().stream()
                    .map(PreProductionChecklist.Item::key)
                    .filter(item -> content.checklist().stream().noneMatch(c -> c.item().equals(item) && c.checked()))
                    .toList();
            default -> List.of();
        };
        if (keys.isEmpty()) {
            return List.of();
        }
        return List.of(String.join(", ", keys.subList(0, Math.min(LISTED, keys.size())))
                + (keys.size() > LISTED ? ", …" : ""));
    }

    private interface Fill<T> {
        void into(ObjectNode node, T item);
    }

    private static <T> ArrayNode array(List<T> items, Fill<T> fill) {
        ArrayNode array = JSON.arrayNode();
        items.forEach(item -> fill.into(array.addObject(), item));
        return array;
    }

}
