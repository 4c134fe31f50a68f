package org.gatehouse.workflow.lifecycle;

import static org.gatehouse.workflow.lifecycle.Phase.CANCELLED;
import static org.gatehouse.workflow.lifecycle.Phase.DESIGN;
import static org.gatehouse.workflow.lifecycle.Phase.DEVELOPMENT;
import static org.gatehouse.workflow.lifecycle.Phase.PRE_PRODUCTION_REVIEW;
import static org.gatehouse.workflow.lifecycle.Phase.RELEASED;
import static org.gatehouse.workflow.lifecycle.Phase.REQUIREMENTS;
import static org.gatehouse.workflow.lifecycle.Phase.SECURITY_AUDIT;
import static org.gatehouse.workflow.lifecycle.Phase.TESTING;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gatehouse.workflow.api.ProtectionLevel;

/**
 * The three default workflow definitions, one per protection level (8.2-ek/el, 8.3: protection in
 * proportion to risk). All share the phases of B.1.3.1-ia and 8.1; level 1 skips the black-box scan
 * and the design traceability and coding-standard gates, level 3 adds build provenance and blocks on
 * medium findings. Thresholds are gate parameters; changing one means a new definition version.
 */
public final class DefaultDefinitions {
    /** The first version of every default definition; kept for the releases that started under it. */
    public static final int VERSION = 1;
    /**
     * Version 2 of levels 2 and 3 (C.1, ADR 0019): leaving development also needs {@link #TEAM_VETTED}.
     * Level 1 requires no vetting and stays at version 1.
     */
    public static final int VETTED_VERSION = 2;

    public static final String RISK_ASSESSMENT_COMPLETE = "risk-assessment.complete";
    public static final String REQUIREMENTS_AGREED = "requirements.agreed";
    public static final String TEST_RECOMMENDATIONS_AGREED = "test-recommendations.agreed";
    public static final String DESIGN_RECOMMENDATIONS_AGREED = "design-recommendations.agreed";
    public static final String DESIGN_TRACEABILITY_COMPLETE = "design.traceability-complete";
    public static final String CODING_STANDARD_ATTACHED = "coding-standard.attached";
    public static final String BUILD_PROVENANCE_RECORDED = "build.provenance-recorded";
    /** C.4: self-written cryptography implemented and reviewed by two different people (findings/inventory). */
    public static final String CRYPTO_DUAL_CONTROL = "crypto.dual-control";
    public static final String WHITE_BOX_NO_OPEN_FINDINGS = "white-box.no-open-findings";
    public static final String BLACK_BOX_NO_OPEN_FINDINGS = "black-box.no-open-findings";
    public static final String MANUAL_TESTS_EXECUTED = "manual-tests.executed";
    public static final String TICKETS_VERIFIED = "tickets.verified";
    public static final String VULNERABILITIES_RESOLVED = "vulnerabilities.resolved";
    public static final String SECURITY_AUDIT_REPORT_SIGNED = "security-audit-report.signed";
    public static final String PRE_PRODUCTION_CHECKLIST_COMPLETE = "pre-production-checklist.complete";
    public static final String RISK_ACCEPTANCES_UNEXPIRED = "risk-acceptances.unexpired";
    /** C.1: everyone holding a developer, tester or security-reviewer role on the project is vetted. */
    public static final String TEAM_VETTED = "team.vetted";
    /** The gate parameter naming the lowest severity that blocks: {@code critical}, {@code high}, {@code medium} or {@code low}. */
    public static final String THRESHOLD = "threshold";

    private DefaultDefinitions() {
    }

    /** The id of the default definition of a level, e.g. {@code sdl-level-2}. */
    public static String idFor(ProtectionLevel level) {
        return "sdl-level-" + level.number();
    }

    /** The latest default definition of a level: what a release of that level starts with now. */
    public static WorkflowDefinition forLevel(ProtectionLevel level) {
        return forLevel(level, latestVersion(level));
    }

    /** The latest version of a level's default: 2 where vetting is required (levels 2 and 3), else 1. */
    public static int latestVersion(ProtectionLevel level) {
        return level == ProtectionLevel.LEVEL_1 ? VERSION : VETTED_VERSION;
    }

    /** A level's default definition in one of its versions. */
    public static WorkflowDefinition forLevel(ProtectionLevel level, int version) {
        if (version < VERSION || version > latestVersion(level)) {
            throw new IllegalArgumentException("no version " + version + " of " + idFor(level));
        }
        return switch (level) {
            case LEVEL_1 -> build(level, version, false, "high", "high");
            case LEVEL_2 -> build(level, version, true, "high", "medium");
            case LEVEL_3 -> build(level, version, true, "medium", "low");
        };
    }

    /** Every version of the three defaults, looked up by id and version. */
    public static DefinitionCatalog catalog() {
        List<WorkflowDefinition> all = new ArrayList<>();
        for (ProtectionLevel level : ProtectionLevel.values()) {
            for (int version = VERSION; version <= latestVersion(level); version++) {
                all.add(forLevel(level, version));
            }
        }
        return DefinitionCatalog.of(all);
    }

    private static WorkflowDefinition build(ProtectionLevel level, int version, boolean full, String scanThreshold,
            String vulnerabilityThreshold) {
        boolean strictest = level == ProtectionLevel.LEVEL_3;
        boolean vetted = version >= VETTED_VERSION;
        WorkflowDefinition.Builder builder = WorkflowDefinition.builder(idFor(level), version, level)
                .startingAt(REQUIREMENTS)
                .terminal(RELEASED)
                // B.1.3.1-ib, 8.2-ek/el, 8.3-em..eo: risk assessed, requirements and test recommendations agreed
                .permit(REQUIREMENTS, Trigger.ADVANCE, DESIGN, RISK_ASSESSMENT_COMPLETE, REQUIREMENTS_AGREED,
                        TEST_RECOMMENDATIONS_AGREED)
                // B.1.3.1-ic, 8.4-ep..er: design recommendations agreed; traceability from level 2
                .permit(DESIGN, Trigger.ADVANCE, DEVELOPMENT, gates(DESIGN_RECOMMENDATIONS_AGREED,
                        full ? DESIGN_TRACEABILITY_COMPLETE : null))
                // B.1.3.1-id: coding standard attached from level 2; C.4 build provenance at level 3; version 2 of
                // levels 2 and 3: C.4 self-written cryptography under dual control, and C.1 the code leaves
                // development only when everyone who wrote, tests and reviews it is vetted
                .permit(DEVELOPMENT, Trigger.ADVANCE, TESTING, gates(full ? CODING_STANDARD_ATTACHED : null,
                        full && vetted ? CRYPTO_DUAL_CONTROL : null, strictest ? BUILD_PROVENANCE_RECORDED : null,
                        vetted ? TEAM_VETTED : null))
                // B.1.3.1-ie: the three test activities, run in parallel; level 1 may skip the black-box scan
                .activity(TESTING, ActivityId.WHITE_BOX_SCAN.value())
                .activity(TESTING, ActivityId.MANUAL_SECURITY_TEST.value())
                // B.1.3.1-if..ih, 8.5.1: scans without open findings at or above the threshold, every manual
                // test executed, every ticket with security requirements verified
                .permit(TESTING, Trigger.ADVANCE, SECURITY_AUDIT, gates(WHITE_BOX_NO_OPEN_FINDINGS,
                        full ? BLACK_BOX_NO_OPEN_FINDINGS : null, MANUAL_TESTS_EXECUTED, TICKETS_VERIFIED))
                .gate(WHITE_BOX_NO_OPEN_FINDINGS, Map.of(THRESHOLD, scanThreshold))
                // B.1.3.1-ih: every vulnerability fixed and verified or formally accepted; the audit report signed
                .permit(SECURITY_AUDIT, Trigger.ADVANCE, PRE_PRODUCTION_REVIEW, VULNERABILITIES_RESOLVED,
                        SECURITY_AUDIT_REPORT_SIGNED)
                .gate(VULNERABILITIES_RESOLVED, Map.of(THRESHOLD, vulnerabilityThreshold))
                // 8.6 pre-production checklist; B.1.3.1-ii only with the audit report's permission; 8.7 follows
                .permit(PRE_PRODUCTION_REVIEW, Trigger.ADVANCE, RELEASED, PRE_PRODUCTION_CHECKLIST_COMPLETE,
                        RISK_ACCEPTANCES_UNEXPIRED, SECURITY_AUDIT_REPORT_SIGNED)
                // B.1.3.1-ia: iterate (spiral) by sending work back
                .sendBack(DESIGN, REQUIREMENTS)
                .sendBack(DEVELOPMENT, DESIGN)
                .sendBack(TESTING, DEVELOPMENT)
                .sendBack(SECURITY_AUDIT, DEVELOPMENT)
                .sendBack(PRE_PRODUCTION_REVIEW, DEVELOPMENT)
                .cancelFromEveryActivePhase(CANCELLED);
        if (full) {
            builder.activity(TESTING, ActivityId.BLACK_BOX_SCAN.value())
                    .gate(BLACK_BOX_NO_OPEN_FINDINGS, Map.of(THRESHOLD, scanThreshold));
        }
        return builder.build();
    }

    private static String[] gates(String... ids) {
        return Arrays.stream(ids).filter(Objects::nonNull).toArray(String[]::new);
    }
}
