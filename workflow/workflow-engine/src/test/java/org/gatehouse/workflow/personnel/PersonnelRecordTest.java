package org.gatehouse.workflow.personnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gatehouse.identity.access.AccountId;
import org.gatehouse.identity.access.Role;
import org.gatehouse.workflow.api.ProtectionLevel;
import org.junit.jupiter.api.Test;

/** C.1: the prerequisite rules over dates, their boundaries, and UTC days. */
class PersonnelRecordTest {
    static final AccountId ACCOUNT = new AccountId(UUID.fromString("01890000-0000-7000-8000-000000000001"));
    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    static final String SHA = "ab".repeat(32);

    static BackgroundCheck passed() {
        return BackgroundCheck.recorded("passed", "2026-01-10", "Agency", null, "sec", NOW);
    }

    static ConfidentialityAgreement agreement(String signed, String expires) {
        return ConfidentialityAgreement.recorded(signed, expires, SHA, "nda.pdf", "sec", NOW);
    }

    static Training training(String kind, String completed, String expires) {
        return Training.recorded(UUID.randomUUID(), "Course", kind, kind.equals("SECURE_CODING") ? "java" : null, completed,
                expires, "sec", NOW);
    }

    static PersonnelRecord vetted(String expires) {
        return new PersonnelRecord(ACCOUNT, "dev", "Dev", Optional.of(passed()), Optional.of(agreement("2026-01-01", expires)),
                List.of(training("SECURITY_AWARENESS", "2026-01-01", expires), training("SECURE_CODING", "2026-01-01", expires)));
    }

    @Test
    void levelsTwoAndThreeRequireVettingOfDevelopersTestersAndReviewersOnly() {
        assertEquals(Set.of(), VettingPolicy.requiredAt(ProtectionLevel.LEVEL_1));
        assertEquals(EnumSet.of(Prerequisite.BACKGROUND_CHECK, Prerequisite.CONFIDENTIALITY_AGREEMENT,
                Prerequisite.SECURITY_AWARENESS_TRAINING), VettingPolicy.requiredAt(ProtectionLevel.LEVEL_2));
        assertEquals(EnumSet.allOf(Prerequisite.class), VettingPolicy.requiredAt(ProtectionLevel.LEVEL_3));
        for (Role role : Role.values()) {
            boolean vetted = role == Role.DEVELOPER || role == Role.TESTER || role == Role.SECURITY_REVIEWER;
            assertEquals(vetted, VettingPolicy.appliesTo(role), role.name());
            assertEquals(vetted, !VettingPolicy.required(role, ProtectionLevel.LEVEL_3).isEmpty(), role.name());
        }
    }

    @Test
    void anAgreementHoldsFromItsSigningDayThroughItsExpiryDayInclusive() {
        ConfidentialityAgreement nda = agreement("2026-01-01", "2026-12-31");
        assertFalse(nda.inForceOn(LocalDate.parse("2025-12-31")));
        assertTrue(nda.inForceOn(LocalDate.parse("2026-01-01")));
        assertTrue(nda.inForceOn(LocalDate.parse("2026-12-31")));
        assertFalse(nda.inForceOn(LocalDate.parse("2027-01-01")));
    }

    @Test
    void theDayIsTheUtcDayWhateverTheServersZone() {
        PersonnelRecord record = vetted("2026-12-31");
        Set<Prerequisite> level2 = VettingPolicy.requiredAt(ProtectionLevel.LEVEL_2);
        LocalDate lastSecond = VettingPolicy.dayOf(Instant.parse("2026-12-31T23:59:59.999Z"));
        LocalDate midnight = VettingPolicy.dayOf(Instant.parse("2027-01-01T00:00:00Z"));
        assertEquals(LocalDate.parse("2026-12-31"), lastSecond);
        assertEquals(Set.of(), record.missing(level2, lastSecond));
        // in Shanghai (UTC+8) it is already 2027-01-01 07:59 at the last UTC second, yet the agreement holds
        assertEquals(LocalDate.parse("2027-01-01"), midnight);
        assertEquals(EnumSet.of(Prerequisite.CONFIDENTIALITY_AGREEMENT, Prerequisite.SECURITY_AWARENESS_TRAINING),
                record.missing(level2, midnight));
    }

    @Test
    void onlyAPassedBackgroundCheckCountsAndItDoesNotExpire() {
        for (String status : List.of("PENDING", "FAILED")) {
            PersonnelRecord record = new PersonnelRecord(ACCOUNT, "d", "D", Optional.of(BackgroundCheck.recorded(status,
                    "2026-01-10", "Agency", "n", "sec", NOW)), Optional.empty(), List.of());
            assertEquals(Set.of(Prerequisite.BACKGROUND_CHECK), record.missing(Set.of(Prerequisite.BACKGROUND_CHECK),
                    LocalDate.parse("2026-06-01")), status);
        }
        PersonnelRecord passed = new PersonnelRecord(ACCOUNT, "d", "D", Optional.of(passed()), Optional.empty(), List.of());
        assertEquals(Set.of(), passed.missing(Set.of(Prerequisite.BACKGROUND_CHECK), LocalDate.parse("2099-01-01")));
    }

    @Test
    void levelThreeAlsoRequiresSecureCodingAndAnyTrainingOfTheKindInForceCounts() {
        PersonnelRecord awarenessOnly = new PersonnelRecord(ACCOUNT, "d", "D", Optional.of(passed()),
                Optional.of(agreement("2026-01-01", "2027-01-01")), List.of(training("SECURITY_AWARENESS", "2025-01-01",
                        "2025-12-31"), training("SECURITY_AWARENESS", "2026-01-01", "2026-12-31")));
        LocalDate day = LocalDate.parse("2026-06-01");
        assertEquals(Set.of(), awarenessOnly.missing(VettingPolicy.requiredAt(ProtectionLevel.LEVEL_2), day),
                "the renewal counts, the expired one does not matter");
        assertEquals(Set.of(Prerequisite.SECURE_CODING_TRAINING),
                awarenessOnly.missing(VettingPolicy.requiredAt(ProtectionLevel.LEVEL_3), day));
        assertEquals(Set.of(), PersonnelRecord.empty(ACCOUNT, "d", "D").missing(Set.of(), day), "level 1 needs nothing");
    }

    @Test
    void theRequiredPrerequisitesHoldThroughTheEarliestExpiry() {
        PersonnelRecord record = new PersonnelRecord(ACCOUNT, "d", "D", Optional.of(passed()),
                Optional.of(agreement("2026-01-01", "2027-03-31")), List.of(training("SECURITY_AWARENESS", "2026-01-01",
                        "2026-12-31"), training("SECURITY_AWARENESS", "2026-06-01", "2027-05-31")));
        LocalDate day = LocalDate.parse("2026-07-01");
        assertEquals(Optional.of(LocalDate.parse("2027-03-31")),
                record.holdsThrough(VettingPolicy.requiredAt(ProtectionLevel.LEVEL_2), day));
        assertEquals(Optional.empty(), record.holdsThrough(VettingPolicy.requiredAt(ProtectionLevel.LEVEL_3), day),
                "a missing one: nothing holds");
        assertEquals(Optional.empty(), record.holdsThrough(Set.of(Prerequisite.BACKGROUND_CHECK), day), "no expiry");
    }

    @Test
    void entriesAreValidatedAsWritten() {
        assertThrows(InvalidPersonnelInput.class, () -> agreement("2026-02-01", "2026-01-31"));
        assertThrows(InvalidPersonnelInput.class, () -> agreement("2026-12-03", "2027-12-03"), "signed tomorrow (UTC)");
        assertTrue(agreement("2026-12-02", "2026-12-02").inForceOn(LocalDate.parse("2026-12-02")), "one day, today");
        assertThrows(InvalidPersonnelInput.class, () -> agreement("2026-13-01", "2027-01-01"));
        assertThrows(InvalidPersonnelInput.class, () -> agreement("01/02/2026", "2027-01-01"));
        assertThrows(InvalidPersonnelInput.class, () -> agreement(null, "2027-01-01"));
        assertThrows(InvalidPersonnelInput.class, () -> ConfidentialityAgreement.recorded("2026-01-01", "2027-01-01",
                "not-a-digest", null, "sec", NOW));
        assertEquals(SHA, ConfidentialityAgreement.recorded("2026-01-01", "2027-01-01", SHA.toUpperCase(), null, "sec", NOW)
                .documentSha256(), "hex digests are kept in lower case");
        assertThrows(InvalidPersonnelInput.class, () -> BackgroundCheck.recorded("MAYBE", "2026-01-01", "x", null, "s", NOW));
        assertThrows(InvalidPersonnelInput.class, () -> BackgroundCheck.recorded("PASSED", "2026-01-01", " ", null, "s", NOW));
        assertThrows(InvalidPersonnelInput.class, () -> BackgroundCheck.recorded("PASSED", "2026-01-01", "a\u0007b", null,
                "s", NOW));
        assertThrows(InvalidPersonnelInput.class, () -> Training.recorded(UUID.randomUUID(), "c", "SECURITY_AWARENESS", "java",
                "2026-01-01", "2027-01-01", "s", NOW), "a language only for secure coding");
        assertThrows(InvalidPersonnelInput.class, () -> Training.recorded(UUID.randomUUID(), "c", "ETHICS", null,
                "2026-01-01", "2027-01-01", "s", NOW));
        assertEquals(Optional.of("c#"), Training.recorded(UUID.randomUUID(), "c", "secure-coding", "C#", "2026-01-01",
                "2027-01-01", "s", NOW).language());
    }
}
