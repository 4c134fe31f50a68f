package org.gatehouse.findings.manual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gatehouse.workflow.api.ProjectKey;
import org.junit.jupiter.api.Test;

class ManualFindingFingerprintTest {

    @Test
    void isStableForTheSameProjectAndCaseKey() {
        String first = ManualFindingFingerprint.of(new ProjectKey("SHOP"), "MT-001", "Login lockout");
        assertEquals(first, ManualFindingFingerprint.of(new ProjectKey("SHOP"), "MT-001", "Login lockout"));
        assertTrue(first.matches("[0-9a-f]{64}"), first);
    }

    @Test
    void differsByProjectAndByCaseKeyWithoutAmbiguousJoins() {
        String shop = ManualFindingFingerprint.of(new ProjectKey("SHOP"), "MT-001", "Login lockout");
        assertNotEquals(shop, ManualFindingFingerprint.of(new ProjectKey("SHOP2"), "MT-001", "Login lockout"));
        assertNotEquals(shop, ManualFindingFingerprint.of(new ProjectKey("SHOP"), "MT-002", "Login lockout"));
        assertNotEquals(ManualFindingFingerprint.of(new ProjectKey("AB"), "C1-1", "Login lockout"),
                ManualFindingFingerprint.of(new ProjectKey("ABC"), "1-1", "Login lockout"));
    }

    @Test
    void locatesTheFindingAtItsCase() {
        assertEquals("manual-test:SF-05", ManualFindingFingerprint.location("SF-05"));
    }

    @Test
    void numbersHandWrittenCasesAfterTheHighestManualKey() {
        assertEquals("MT-001", ManualTests.nextKey(List.of()));
        assertEquals("MT-001", ManualTests.nextKey(List.of("SF-01", "SF-12")));
        assertEquals("MT-008", ManualTests.nextKey(List.of("MT-002", "MT-007", "SF-03", "XSS-99")));
    }

    @Test
    void anotherTestUnderTheSameKeyIsAnotherFinding() {
        ProjectKey shop = new ProjectKey("SHOP");
        assertNotEquals(ManualFindingFingerprint.of(shop, "MT-001", "Login lockout"),
                ManualFindingFingerprint.of(shop, "MT-001", "Coupon replay"));
        assertEquals(ManualFindingFingerprint.of(shop, "MT-001", "Login  Lockout "),
                ManualFindingFingerprint.of(shop, "MT-001", "login lockout"));
    }
}
