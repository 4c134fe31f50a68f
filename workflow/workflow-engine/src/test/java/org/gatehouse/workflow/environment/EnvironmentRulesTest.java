package org.gatehouse.workflow.environment;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.platform.error.ProblemType;
import org.gatehouse.workflow.api.ProjectKey;
import org.junit.jupiter.api.Test;

/** The environment separation rule and the device compliance status (C.2, 8.5.2). */
class EnvironmentRulesTest {
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final ProjectKey SHOP = new ProjectKey("SHOP");

    private static Environment env(String name, EnvironmentKind kind, String zone) {
        return new Environment(UUID.randomUUID(), SHOP, name, kind, Environment.normaliseZone(zone), "ops", "o", NOW, "o",
                NOW);
    }

    @Test
    void productionNeverSharesAZoneWithDevelopmentOrTest() {
        List<Environment> existing = List.of(env("dev", EnvironmentKind.DEVELOPMENT, "office-lan"),
                env("test", EnvironmentKind.TEST, "test-dmz"));
        EnvironmentsNotSeparated refused = assertThrows(EnvironmentsNotSeparated.class,
                () -> Environment.requireSeparated("prod", EnvironmentKind.PRODUCTION, " Office-LAN ", existing));
        assertEquals(ProblemType.CONFLICT, refused.type());
        assertEquals(List.of("prod", "PRODUCTION", "dev", "DEVELOPMENT", "office-lan"), refused.arguments());
        assertTrue(refused.detail(Locale.ENGLISH).contains("never in the same zone"), refused.detail(Locale.ENGLISH));
        assertTrue(refused.detail(Locale.SIMPLIFIED_CHINESE).contains("生产环境"));
        assertThrows(EnvironmentsNotSeparated.class,
                () -> Environment.requireSeparated("prod", EnvironmentKind.PRODUCTION, "test-dmz", existing));
    }

    @Test
    void theRuleHoldsWhicheverIsRecordedFirst() {
        List<Environment> existing = List.of(env("prod", EnvironmentKind.PRODUCTION, "prod-vpc"));
        assertThrows(EnvironmentsNotSeparated.class,
                () -> Environment.requireSeparated("dev", EnvironmentKind.DEVELOPMENT, "PROD-VPC", existing));
        assertThrows(EnvironmentsNotSeparated.class,
                () -> Environment.requireSeparated("test", EnvironmentKind.TEST, "prod-vpc", existing));
    }

    @Test
    void stagingMayShareWithProductionAndSeparateZonesAreFine() {
        List<Environment> existing = List.of(env("prod", EnvironmentKind.PRODUCTION, "prod-vpc"),
                env("dev", EnvironmentKind.DEVELOPMENT, "office-lan"));
        assertDoesNotThrow(() -> Environment.requireSeparated("staging", EnvironmentKind.STAGING, "prod-vpc", existing));
        assertDoesNotThrow(() -> Environment.requireSeparated("prod-2", EnvironmentKind.PRODUCTION, "prod-vpc", existing));
        assertDoesNotThrow(() -> Environment.requireSeparated("test", EnvironmentKind.TEST, "office-lan", existing));
    }

    private static Device device(boolean patched, boolean antivirus, boolean encrypted, Optional<Instant> checked) {
        return new Device(UUID.randomUUID(), SHOP, "LT-1", "laptop", Device.Kind.LAPTOP, "alice", patched, antivirus,
                encrypted, checked, "o", NOW, "o", NOW);
    }

    @Test
    void aDeviceCompliesWhenPatchedProtectedEncryptedAndRecentlyChecked() {
        Duration maxAge = Duration.ofDays(90);
        assertEquals(new Device.Compliance(true, List.of()),
                device(true, true, true, Optional.of(NOW.minus(Duration.ofDays(89)))).compliance(NOW, maxAge));
        assertEquals(List.of(Device.Gap.CHECK_TOO_OLD),
                device(true, true, true, Optional.of(NOW.minus(Duration.ofDays(91)))).compliance(NOW, maxAge).gaps());
        assertEquals(List.of(Device.Gap.NOT_PATCHED, Device.Gap.NO_ANTIVIRUS, Device.Gap.DISK_NOT_ENCRYPTED,
                Device.Gap.NEVER_CHECKED), device(false, false, false, Optional.empty()).compliance(NOW, maxAge).gaps());
    }

    @Test
    void aDeviceNeedsAResponsiblePersonAndNoFutureCheck() {
        RegisterEntryInvalid missing = assertThrows(RegisterEntryInvalid.class,
                () -> Device.requireValid(" ", Optional.empty(), NOW));
        assertEquals("device.responsible-required", missing.messageKey());
        assertEquals(ProblemType.VALIDATION_FAILED, missing.type());
        assertThrows(RegisterEntryInvalid.class, () -> Device.requireValid(null, Optional.empty(), NOW));
        assertThrows(RegisterEntryInvalid.class,
                () -> Device.requireValid("alice", Optional.of(NOW.plus(Duration.ofDays(1))), NOW));
        assertDoesNotThrow(() -> Device.requireValid("alice", Optional.of(NOW), NOW));
    }
}
