package org.gatehouse.workflow.personnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gatehouse.identity.access.AccountId;
import org.gatehouse.identity.access.Role;
import org.gatehouse.workflow.api.ProtectionLevel;
import org.gatehouse.workflow.lifecycle.GateResult;
import org.junit.jupiter.api.Test;

/** C.1: which grants lapse, what the sweep records once, what the gate says and which roles still hold. */
class VettingTest {
    private static final LocalDate DAY = LocalDate.parse("2026-12-02");
    private static final AccountId ANA = PersonnelRecordTest.ACCOUNT; // the account of PersonnelRecordTest.vetted
    private static final AccountId BO = new AccountId(UUID.randomUUID());

    private static PersonnelStore.Grant grant(AccountId account, String login, Role role, ProtectionLevel level) {
        return new PersonnelStore.Grant(UUID.randomUUID(), account, login, login, role, "SHOP", level);
    }

    private static Map<UUID, PersonnelRecord> records(PersonnelRecord... records) {
        Map<UUID, PersonnelRecord> map = new java.util.HashMap<>();
        for (PersonnelRecord r : records) {
            map.put(r.account().value(), r);
        }
        return map;
    }

    @Test
    void aGrantLapsesWhenItsHolderLacksWhatTheProjectsLevelRequires() {
        PersonnelStore.Grant ana = grant(ANA, "ana", Role.DEVELOPER, ProtectionLevel.LEVEL_2);
        PersonnelStore.Grant owner = grant(BO, "bo", Role.PROJECT_OWNER, ProtectionLevel.LEVEL_3);
        PersonnelStore.Grant low = grant(BO, "bo", Role.TESTER, ProtectionLevel.LEVEL_1);
        Map<PersonnelStore.Grant, Set<Prerequisite>> lapsed = Vetting.lapsed(List.of(ana, owner, low), Map.of(), DAY);
        assertEquals(Map.of(ana, VettingPolicy.requiredAt(ProtectionLevel.LEVEL_2)), lapsed,
                "nobody recorded: the developer lapses; owners and level 1 need nothing");
        assertEquals(Map.of(), Vetting.lapsed(List.of(ana), records(PersonnelRecordTest.vetted("2026-12-02")), DAY));
        assertEquals(Map.of(ana, EnumSet.of(Prerequisite.CONFIDENTIALITY_AGREEMENT, Prerequisite.SECURITY_AWARENESS_TRAINING)),
                Vetting.lapsed(List.of(ana), records(PersonnelRecordTest.vetted("2026-12-01")), DAY), "expired yesterday");
    }

    @Test
    void theSweepRecordsEachSuspensionAndEachReinstatementOnce() {
        PersonnelStore.Grant ana = grant(ANA, "ana", Role.DEVELOPER, ProtectionLevel.LEVEL_2);
        PersonnelStore.Grant bo = grant(BO, "bo", Role.SECURITY_REVIEWER, ProtectionLevel.LEVEL_2);
        Map<PersonnelStore.Grant, Set<Prerequisite>> lapsed = Map.of(ana, Set.of(Prerequisite.CONFIDENTIALITY_AGREEMENT));
        Vetting.Plan first = Vetting.plan(lapsed, List.of(ana, bo), Set.of());
        assertEquals(Set.of(ana), first.suspend().keySet());
        assertEquals(List.of(), first.reinstate());
        Vetting.Plan again = Vetting.plan(lapsed, List.of(ana, bo), Set.of(ana.id()));
        assertTrue(again.suspend().isEmpty() && again.reinstate().isEmpty(), "already recorded: nothing new");
        Vetting.Plan renewed = Vetting.plan(Map.of(), List.of(ana, bo), Set.of(ana.id()));
        assertEquals(List.of(ana), renewed.reinstate());
        assertTrue(renewed.suspend().isEmpty());
    }

    @Test
    void theTeamVettedGateNamesEachPersonAndWhatTheyLack() {
        PersonnelStore.Grant anaDev = grant(ANA, "ana", Role.DEVELOPER, ProtectionLevel.LEVEL_1);
        PersonnelStore.Grant anaTest = grant(ANA, "ana", Role.TESTER, ProtectionLevel.LEVEL_1);
        PersonnelStore.Grant bo = grant(BO, "bo", Role.PROJECT_OWNER, ProtectionLevel.LEVEL_1);
        List<Lapse> lapses = Vetting.lapses(List.of(anaDev, anaTest, bo), Map.of(), ProtectionLevel.LEVEL_3, DAY);
        assertEquals(List.of(new Lapse("ana", EnumSet.of(Role.DEVELOPER, Role.TESTER), EnumSet.allOf(Prerequisite.class))),
                lapses, "the definition's level counts; the owner is not vetted");
        GateResult blocked = TeamVettedGate.answer(lapses);
        assertEquals(List.of("gate.team.background-check", "gate.team.confidentiality-agreement",
                "gate.team.security-awareness-training", "gate.team.secure-coding-training"),
                blocked.reasons().stream().map(r -> r.key()).toList());
        assertEquals(List.of("ana", "DEVELOPER, TESTER"), blocked.reasons().get(0).arguments());
        assertTrue(TeamVettedGate.answer(Vetting.lapses(List.of(anaDev), records(PersonnelRecordTest.vetted("2027-01-01")),
                ProtectionLevel.LEVEL_3, DAY)).passes());
        assertTrue(TeamVettedGate.answer(List.of()).passes());
    }

    @Test
    void theGateBoundsItsReasons() {
        List<Lapse> many = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(new Lapse("p" + i, Set.of(Role.DEVELOPER), EnumSet.allOf(Prerequisite.class)));
        }
        GateResult blocked = TeamVettedGate.answer(many);
        assertEquals(TeamVettedGate.LISTED + 1, blocked.reasons().size());
        assertEquals("gate.team.more", blocked.reasons().get(TeamVettedGate.LISTED).key());
        assertEquals(List.of("30"), blocked.reasons().get(TeamVettedGate.LISTED).arguments());
    }

    @Test
    void onlyTheLapsedVettedRolesAreLeftOutAtAuthorisationTime() {
        Map<String, Set<Role>> roles = Map.of("SHOP", EnumSet.of(Role.DEVELOPER, Role.PROJECT_OWNER),
                "BLOG", EnumSet.of(Role.TESTER), "WIKI", EnumSet.of(Role.DEVELOPER));
        Map<String, ProtectionLevel> levels = Map.of("SHOP", ProtectionLevel.LEVEL_2, "BLOG", ProtectionLevel.LEVEL_3,
                "WIKI", ProtectionLevel.LEVEL_1);
        PersonnelRecord expired = PersonnelRecordTest.vetted("2026-12-01");
        assertEquals(Map.of("SHOP", EnumSet.of(Role.PROJECT_OWNER), "WIKI", EnumSet.of(Role.DEVELOPER)),
                ProjectRolePrerequisites.holding(roles, levels, expired, DAY), "BLOG had nothing else: gone");
        assertEquals(roles, ProjectRolePrerequisites.holding(roles, levels, PersonnelRecordTest.vetted("2026-12-02"), DAY));
        PersonnelRecord noSecureCoding = new PersonnelRecord(ANA, "ana", "Ana", Optional.of(PersonnelRecordTest.passed()),
                Optional.of(PersonnelRecordTest.agreement("2026-01-01", "2027-01-01")),
                List.of(PersonnelRecordTest.training("SECURITY_AWARENESS", "2026-01-01", "2027-01-01")));
        assertEquals(Map.of("SHOP", EnumSet.of(Role.DEVELOPER, Role.PROJECT_OWNER), "WIKI", EnumSet.of(Role.DEVELOPER)),
                ProjectRolePrerequisites.holding(roles, levels, noSecureCoding, DAY), "level 3 needs secure coding too");
    }
}
