package org.gatehouse.compliance.check;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gatehouse.compliance.ClauseAnswer;
import org.gatehouse.compliance.ClauseCheck;
import org.gatehouse.compliance.Evidence;
import org.gatehouse.compliance.ProjectEvidence;
import org.gatehouse.compliance.Text;
import org.gatehouse.workflow.lifecycle.DefaultDefinitions;
import org.gatehouse.workflow.lifecycle.GateEvaluation;
import org.gatehouse.workflow.lifecycle.GateId;
import org.gatehouse.workflow.lifecycle.Lifecycle;
import org.gatehouse.workflow.lifecycle.Reason;
import org.gatehouse.workflow.release.Release;
import org.gatehouse.workflow.release.ReleaseLifecycles;

/**
 * The clauses the release gates enforce, answered from the latest release's gates evaluated now (the
 * release board's view, one evaluation for all of them): a clause is met when each of its gates in the
 * release's definition passes on its own; a waived gate is recorded but leaves the clause partial; a
 * blocked gate's reasons are what is missing; a clause whose gates the protection level does not have is
 * not applicable (level 1 has no black-box, traceability or coding-standard gate).
 */
@ApplicationScoped
public class GateClauseCheck implements ClauseCheck {
    /** Clause → the gates that enforce it (DefaultDefinitions says which phase each guards). */
    static final Map<String, List<String>> GATES = new LinkedHashMap<>();

    static {
        GATES.put("B.1.3.1-ib", List.of(DefaultDefinitions.REQUIREMENTS_AGREED, DefaultDefinitions.TEST_RECOMMENDATIONS_AGREED));
        GATES.put("B.1.3.1-ic", List.of(DefaultDefinitions.DESIGN_RECOMMENDATIONS_AGREED));
        GATES.put("B.1.3.1-id", List.of(DefaultDefinitions.CODING_STANDARD_ATTACHED));
        GATES.put("B.1.3.1-ie", List.of(DefaultDefinitions.WHITE_BOX_NO_OPEN_FINDINGS,
                DefaultDefinitions.BLACK_BOX_NO_OPEN_FINDINGS, DefaultDefinitions.MANUAL_TESTS_EXECUTED));
        GATES.put("B.1.3.1-if", List.of(DefaultDefinitions.WHITE_BOX_NO_OPEN_FINDINGS));
        GATES.put("B.1.3.1-ig", List.of(DefaultDefinitions.BLACK_BOX_NO_OPEN_FINDINGS));
        GATES.put("B.1.3.1-ih", List.of(DefaultDefinitions.MANUAL_TESTS_EXECUTED, DefaultDefinitions.TICKETS_VERIFIED,
                DefaultDefinitions.VULNERABILITIES_RESOLVED, DefaultDefinitions.SECURITY_AUDIT_REPORT_SIGNED));
        GATES.put("B.1.3.1-ii", List.of(DefaultDefinitions.SECURITY_AUDIT_REPORT_SIGNED,
                DefaultDefinitions.RISK_ACCEPTANCES_UNEXPIRED));
        GATES.put("8.2-ek, el", List.of(DefaultDefinitions.RISK_ASSESSMENT_COMPLETE));
        GATES.put("8.3-em..eo", List.of(DefaultDefinitions.REQUIREMENTS_AGREED));
        GATES.put("8.4-ep..er", List.of(DefaultDefinitions.DESIGN_TRACEABILITY_COMPLETE));
        GATES.put("8.5.1", List.of(DefaultDefinitions.MANUAL_TESTS_EXECUTED));
        GATES.put("8.6", List.of(DefaultDefinitions.PRE_PRODUCTION_CHECKLIST_COMPLETE));
        GATES.put("8.7", List.of(DefaultDefinitions.PRE_PRODUCTION_CHECKLIST_COMPLETE));
    }

    @Inject
    ReleaseLifecycles lifecycles;

    @Override
    public Set<String> clauses() {
        return GATES.keySet();
    }

    @Override
    public List<ClauseAnswer> evaluate(ProjectEvidence project) {
        if (project.latest().isEmpty()) {
            return GATES.keySet().stream().map(clause -> ClauseAnswer.of(clause)
                    .missing(Text.of("compliance.no-release", project.project().key().value())).build()).toList();
        }
        Release release = project.latest().get();
        Set<GateId> defined = project.lifecycle().definition().gates();
        Map<GateId, GateEvaluation> evaluations = new LinkedHashMap<>();
        for (Lifecycle.RouteGates route : project.gates()) {
            route.gates().forEach(g -> evaluations.putIfAbsent(g.gate(), g));
        }
        return GATES.entrySet().stream().map(entry -> answer(entry.getKey(), entry.getValue(), release, defined, evaluations))
                .toList();
    }

    private ClauseAnswer answer(String clause, List<String> gates, Release release, Set<GateId> defined,
            Map<GateId, GateEvaluation> evaluations) {
        List<GateId> present = gates.stream().map(GateId::new).filter(defined::contains).toList();
        if (present.isEmpty()) {
            return ClauseAnswer.notApplicable(clause, Text.of("compliance.gate-not-in-definition", String.join(", ", gates),
                    release.definition().toString()));
        }
        ClauseAnswer.Builder answer = ClauseAnswer.of(clause);
        String id = release.id().toString();
        for (GateId gate : present) {
            Optional<GateEvaluation> evaluation = Optional.ofNullable(evaluations.get(gate));
            if (evaluation.isEmpty()) {
                answer.missing(Text.of("compliance.gate-not-evaluated", gate.value(), release.version()));
            } else if (evaluation.get().result().passes()) {
                answer.met(Evidence.onRelease(Evidence.Kind.GATE, gate.value(),
                        Text.of("compliance.gate-passed", gate.value(), release.version(), release.phase().name()), id));
            } else if (evaluation.get().waived()) {
                var waiver = evaluation.get().waiver().orElseThrow();
                answer.context(Evidence.onRelease(Evidence.Kind.GATE, gate.value(), Text.of("compliance.gate-waived",
                        gate.value(), release.version(), waiver.grantedBy().name(), waiver.expiresAt().toString()), id));
                answer.missing(Text.of("compliance.gate-waived-missing", gate.value()));
            } else {
                answer.context(Evidence.onRelease(Evidence.Kind.GATE, gate.value(),
                        Text.of("compliance.gate-blocked", gate.value(), release.version(), release.phase().name()), id));
                for (Reason reason : evaluation.get().result().reasons()) {
                    Class<?> source = lifecycles.messageSource(Optional.of(gate));
                    answer.missing(new Text(reason.key(), gate.value() + ": " + reason.format(source, java.util.Locale.ENGLISH),
                            gate.value() + "：" + reason.format(source, Text.ZH)));
                }
            }
        }
        if (clause.equals("8.7")) {
            answer.auditorChecks(Text.of("compliance.auditor.handover"));
        }
        return answer.build();
    }
}
