package org.gatehouse.findings.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.gatehouse.scanner.api.ReportedComponent;
import org.gatehouse.scanner.api.ReportedFinding;
import org.gatehouse.scanner.api.ReportedLicence;
import org.gatehouse.scanner.api.Severity;
import org.junit.jupiter.api.Test;

/** The licence policy (C.4: only licensed software is used), as a table of licences and verdicts. */
class LicencePolicyTest {
    private static final LicencePolicy POLICY = new LicencePolicy(List.of("MIT", "Apache-2.0", "BSD License"),
            List.of("GPL-3.0-only", "AGPL-3.0-only"), UnknownLicences.FINDING);
    private static final LicencePolicy DENY_ONLY = new LicencePolicy(List.of(), List.of("GPL-3.0-only"),
            UnknownLicences.ALLOW);

    private static ReportedLicence id(String id) {
        return new ReportedLicence(ReportedLicence.Kind.ID, id);
    }

    private static ReportedLicence expression(String expression) {
        return new ReportedLicence(ReportedLicence.Kind.EXPRESSION, expression);
    }

    private static ReportedComponent component(String purl, List<ReportedLicence> licences) {
        return new ReportedComponent("CycloneDX", "1.6", 0, Optional.empty(), "library", "", "lib", "1.0",
                Optional.of(purl), List.of(), licences);
    }

    @Test
    void idsAreJudgedByTheListsWithoutRegardToCase() {
        assertEquals(LicenceVerdict.ALLOWED, POLICY.verdict(id("MIT")));
        assertEquals(LicenceVerdict.ALLOWED, POLICY.verdict(id("apache-2.0")));
        assertEquals(LicenceVerdict.DENIED, POLICY.verdict(id("GPL-3.0-only")));
        assertEquals(LicenceVerdict.NOT_LISTED, POLICY.verdict(id("MPL-2.0")), "a non-empty allow list lists what is allowed");
        assertEquals(LicenceVerdict.ALLOWED, DENY_ONLY.verdict(id("MPL-2.0")), "an empty allow list allows all not denied");
        assertEquals(LicenceVerdict.DENIED, DENY_ONLY.verdict(id("gpl-3.0-only")));
    }

    @Test
    void namesCountOnlyWhenListedElseTheyAreUnknown() {
        assertEquals(LicenceVerdict.ALLOWED, POLICY.verdict(new ReportedLicence(ReportedLicence.Kind.NAME, "bsd license")));
        assertEquals(LicenceVerdict.UNKNOWN, POLICY.verdict(new ReportedLicence(ReportedLicence.Kind.NAME, "BSD")));
        assertEquals(LicenceVerdict.UNKNOWN, POLICY.verdict(ReportedLicence.NONE));
    }

    @Test
    void expressionsOfferChoicesWithOrAndRequireAllWithAnd() {
        assertEquals(LicenceVerdict.ALLOWED, POLICY.verdict(expression("Apache-2.0 OR GPL-3.0-only")));
        assertEquals(LicenceVerdict.DENIED, POLICY.verdict(expression("MIT AND GPL-3.0-only")));
        assertEquals(LicenceVerdict.ALLOWED, POLICY.verdict(expression("(MIT AND GPL-3.0-only) OR Apache-2.0")));
        assertEquals(LicenceVerdict.DENIED, POLICY.verdict(expression("MIT AND (GPL-3.0-only OR AGPL-3.0-only)")));
        assertEquals(LicenceVerdict.ALLOWED, POLICY.verdict(expression("MIT or GPL-3.0-only AND AGPL-3.0-only")),
                "AND binds tighter than OR");
        assertEquals(LicenceVerdict.ALLOWED, POLICY.verdict(expression("Apache-2.0 WITH LLVM-exception")));
        assertEquals(LicenceVerdict.DENIED, POLICY.verdict(expression("GPL-3.0-only+")));
        assertEquals(LicenceVerdict.NOT_LISTED, POLICY.verdict(expression("MIT AND MPL-2.0")));
    }

    @Test
    void malformedExpressionsAreUnknown() {
        for (String malformed : List.of("MIT OR", "(MIT", "MIT)", "AND MIT", "MIT WITH", "MIT MIT", "()", "MIT OR (")) {
            assertEquals(LicenceVerdict.UNKNOWN, POLICY.verdict(expression(malformed)), malformed);
        }
    }

    @Test
    void aComponentFilesOneFindingPerLicenceThePolicyRefuses() {
        ReportedComponent mixed = component("pkg:maven/org.x/lib@1.0", List.of(id("MIT"), id("GPL-3.0-only"), id("MPL-2.0")));
        List<ReportedFinding> findings = POLICY.findings(mixed);
        assertEquals(List.of("licence:GPL-3.0-only", "licence:MPL-2.0"), findings.stream().map(ReportedFinding::ruleId).toList());
        assertEquals(List.of(Severity.HIGH, Severity.MEDIUM), findings.stream().map(ReportedFinding::severity).toList());
        assertTrue(findings.get(0).title().startsWith("Denied licence: licence GPL-3.0-only"), findings.get(0).title());
        assertEquals(LicenceVerdict.DENIED, POLICY.verdict(mixed));
        assertEquals(List.of(), POLICY.findings(component("pkg:npm/a@1", List.of(id("MIT")))));
    }

    @Test
    void unknownLicencesFileFindingsUnlessThePolicyAllowsThem() {
        ReportedComponent unlicensed = component("pkg:npm/a@1", List.of());
        assertEquals(List.of("licence:none"), POLICY.findings(unlicensed).stream().map(ReportedFinding::ruleId).toList());
        assertEquals(List.of(), DENY_ONLY.findings(unlicensed));
        assertEquals(LicenceVerdict.UNKNOWN, DENY_ONLY.verdict(unlicensed), "the inventory still says unknown");
        assertFalse(DENY_ONLY.reports(LicenceVerdict.UNKNOWN));
    }

    @Test
    void identityIgnoresTheVersionSoAnUpgradeKeepsTheFinding() {
        ReportedFinding old = POLICY.findings(component("pkg:maven/org.x/lib@1.0?type=jar", List.of(id("GPL-3.0-only"))))
                .get(0);
        ReportedFinding upgraded = POLICY.findings(component("pkg:maven/org.x/lib@2.0", List.of(id("GPL-3.0-only")))).get(0);
        assertEquals(old.fingerprint(), upgraded.fingerprint());
        assertEquals(old.fingerprint(), DENY_ONLY.findings(component("pkg:maven/org.x/lib@3", List.of(id("GPL-3.0-only"))))
                .get(0).fingerprint(), "the policy decides severity and whether, never identity");
    }

    @Test
    void malformedPoliciesAreRefused() {
        assertThrows(LicencePolicy.Invalid.class, () -> new LicencePolicy(List.of("MIT"), List.of("mit"),
                UnknownLicences.FINDING));
        assertThrows(LicencePolicy.Invalid.class, () -> new LicencePolicy(List.of("<script>"), List.of(),
                UnknownLicences.FINDING));
        assertThrows(LicencePolicy.Invalid.class, () -> new LicencePolicy(List.of(""), List.of(), UnknownLicences.FINDING));
        assertThrows(LicencePolicy.Invalid.class, () -> new LicencePolicy(java.util.stream.IntStream.range(0, 501)
                .mapToObj(i -> "LicenseRef-" + i).toList(), List.of(), UnknownLicences.FINDING));
        assertThrows(LicencePolicy.Invalid.class, () -> UnknownLicences.parse("MAYBE"));
        assertThrows(LicencePolicy.Invalid.class, () -> LicenceVerdict.parse("FINE"));
        assertEquals(List.of("MIT"), new LicencePolicy(List.of(" MIT ", "MIT"), List.of(), UnknownLicences.ALLOW).allowed());
    }
}
