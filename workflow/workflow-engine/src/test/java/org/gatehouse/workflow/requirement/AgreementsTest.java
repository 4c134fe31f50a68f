package org.gatehouse.workflow.requirement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.identity.access.Role;
import org.gatehouse.workflow.api.ProtectionLevel;
import org.junit.jupiter.api.Test;

class AgreementsTest {
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    private static Requirement requirement(String key, String title, String testPoint) {
        return new Requirement(UUID.randomUUID(), key, Optional.of("8.3-em"), title, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.ofNullable(testPoint), Requirement.Origin.PROJECT, "dana", NOW, NOW,
                Optional.empty(), java.util.List.of());
    }

    private static SignOff signOff(SignOffSubject subject, String digest, Role role, String who) {
        return new SignOff(subject, digest, role, who, NOW, Optional.empty());
    }

    @Test
    void theDigestFollowsTheContentNotItsOrderOfWriting() {
        List<Requirement> one = List.of(requirement("SR-1", "Encrypt in transit", "check TLS"));
        String digest = Agreements.digest(SignOffSubject.SECURITY_REQUIREMENTS, one, Optional.empty()).orElseThrow();
        assertEquals(digest, Agreements.digest(SignOffSubject.SECURITY_REQUIREMENTS,
                List.of(requirement("SR-1", "Encrypt in transit", "another test point")), Optional.empty()).orElseThrow(),
                "the requirements' digest ignores test points");
        assertNotEquals(digest, Agreements.digest(SignOffSubject.SECURITY_REQUIREMENTS,
                List.of(requirement("SR-1", "Encrypt in transit!", "check TLS")), Optional.empty()).orElseThrow());
        assertNotEquals(digest, Agreements.digest(SignOffSubject.TEST_RECOMMENDATIONS, one, Optional.empty()).orElseThrow());
        assertTrue(Agreements.digest(SignOffSubject.SECURITY_REQUIREMENTS, List.of(), Optional.empty()).isEmpty());
        assertTrue(Agreements.digest(SignOffSubject.RISK_ASSESSMENT, one, Optional.empty()).isEmpty());
    }

    @Test
    void theWeaknessesAScanChecksArePartOfTheAgreedRequirements() {
        Requirement plain = requirement("SR-1", "No SQL injection", "probe inputs");
        Requirement scanned = new Requirement(plain.id(), plain.key(), plain.clause(), plain.title(), plain.titleZh(),
                plain.description(), plain.ticket(), plain.testPoint(), plain.origin(), plain.createdBy(), plain.createdAt(),
                plain.updatedAt(), plain.withdrawnAt(), List.of(89));
        String before = Agreements.digest(SignOffSubject.SECURITY_REQUIREMENTS, List.of(plain), Optional.empty()).orElseThrow();
        // a requirement without weaknesses keeps the digest it had before V28, so existing sign-offs stay valid
        assertEquals("ff29aa25a53b7f1fc0061427572804a92d74d6b457d91b988a41618dcfe068a9", before);
        assertNotEquals(before, Agreements.digest(SignOffSubject.SECURITY_REQUIREMENTS, List.of(scanned), Optional.empty())
                .orElseThrow(), "changing what a scan checks needs a new agreement");
    }

    @Test
    void signOffsCountOnlyForTheContentTheyWereGivenFor() {
        List<Requirement> requirements = List.of(requirement("SR-1", "Encrypt in transit", "check TLS"));
        String digest = Agreements.digest(SignOffSubject.SECURITY_REQUIREMENTS, requirements, Optional.empty()).orElseThrow();
        List<SignOff> given = List.of(signOff(SignOffSubject.SECURITY_REQUIREMENTS, digest, Role.PROJECT_OWNER, "olivia"),
                signOff(SignOffSubject.SECURITY_REQUIREMENTS, digest, Role.DEVELOPER, "dana"),
                signOff(SignOffSubject.SECURITY_REQUIREMENTS, "0".repeat(64), Role.SECURITY_REVIEWER, "sam"));
        SubjectStatus status = Agreements.status(SignOffSubject.SECURITY_REQUIREMENTS, requirements, Optional.empty(), given);
        assertFalse(status.agreed());
        assertEquals(List.of(Role.SECURITY_REVIEWER), status.missing(), "the reviewer signed older content");
        List<SignOff> all = new java.util.ArrayList<>(given);
        all.add(signOff(SignOffSubject.SECURITY_REQUIREMENTS, digest, Role.SECURITY_REVIEWER, "sam"));
        assertTrue(Agreements.status(SignOffSubject.SECURITY_REQUIREMENTS, requirements, Optional.empty(), all).agreed());
    }

    @Test
    void testRecommendationsNeedATestPointForEveryActiveRequirement() {
        List<Requirement> requirements = List.of(requirement("SR-1", "a", "check"), requirement("SR-2", "b", " "),
                requirement("SR-3", "c", null));
        String digest = Agreements.digest(SignOffSubject.TEST_RECOMMENDATIONS, requirements, Optional.empty()).orElseThrow();
        SubjectStatus status = Agreements.status(SignOffSubject.TEST_RECOMMENDATIONS, requirements, Optional.empty(),
                List.of(signOff(SignOffSubject.TEST_RECOMMENDATIONS, digest, Role.TESTER, "tina"),
                        signOff(SignOffSubject.TEST_RECOMMENDATIONS, digest, Role.SECURITY_REVIEWER, "sam")));
        assertEquals(List.of(), status.missing());
        assertEquals(List.of("SR-2, SR-3"), status.lacking());
        assertFalse(status.agreed());
    }

    @Test
    void riskRatingYieldsTheProtectionLevel() {
        assertEquals(ProtectionLevel.LEVEL_1, new RiskRating(1, 2, 2).level());
        assertEquals(ProtectionLevel.LEVEL_2, new RiskRating(1, 2, 3).level());
        assertEquals(ProtectionLevel.LEVEL_2, new RiskRating(2, 2, 3).level());
        assertEquals(ProtectionLevel.LEVEL_3, new RiskRating(3, 3, 2).level());
        assertThrows(InvalidRequirementInput.class, () -> new RiskRating(0, 1, 1));
        assertThrows(InvalidRequirementInput.class, () -> new RiskRating(1, 4, 1));
    }

    @Test
    void theBaselineHasStableUniqueKeysInBothLanguages() {
        List<BaselineRequirements.Entry> catalog = BaselineRequirements.catalog();
        assertEquals(catalog.size(), catalog.stream().map(BaselineRequirements.Entry::key).distinct().count());
        for (BaselineRequirements.Entry entry : catalog) {
            assertTrue(Requirements.KEY.matcher(entry.key()).matches(), entry.key());
            assertTrue(entry.titleZh().codePoints().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff), entry.key());
            assertFalse(entry.testPoint().isBlank(), entry.key());
        }
    }
}
