package org.gatehouse.workflow.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gatehouse.identity.access.Role;
import org.gatehouse.platform.error.StaleVersion;
import org.gatehouse.workflow.api.ReleaseId;
import org.gatehouse.workflow.lifecycle.Participant;
import org.gatehouse.workflow.lifecycle.Reason;
import org.junit.jupiter.api.Test;

class TicketTest {
    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    private static final Participant DEV = new Participant("dave", Set.of(Role.DEVELOPER));
    private static final Participant TESTER = new Participant("tina", Set.of(Role.TESTER));
    private static final TicketFacts NONE = new TicketFacts(List.of(), List.of());
    private static final TicketFacts OPEN = new TicketFacts(List.of("SR-P-1", "SR-P-2"), List.of("SR-P-2"));
    private static final TicketFacts TESTED = new TicketFacts(List.of("SR-P-1", "SR-P-2"), List.of());

    private static Ticket fresh() {
        return Ticket.open(UUID.randomUUID(), new ReleaseId(UUID.randomUUID()), new TicketKey("SHOP-123"), " Coupons ",
                TicketKind.STORY, Optional.of(URI.create("https://jira.example/browse/SHOP-123")), "dana", NOW);
    }

    private static Ticket to(Ticket ticket, TicketState state, TicketFacts facts, Participant by) {
        return ticket.move(state, facts, by, ticket.version(), NOW).ticket();
    }

    @Test
    void movesOneStepAtATimeThroughItsLifecycleAndRecordsEachMove() {
        Ticket ticket = fresh();
        assertEquals("Coupons", ticket.title());
        assertEquals(TicketState.REQUIREMENTS_ASSIGNED, ticket.state());
        assertEquals(List.of(new TicketMove(TicketMove.Kind.FORWARD, TicketState.REQUIREMENTS_ASSIGNED,
                TicketState.DESIGN_REVIEWED)), ticket.moves());
        Ticket.Moved moved = ticket.move(TicketState.DESIGN_REVIEWED, OPEN, DEV, 1, NOW);
        assertEquals(new TicketTransition(ticket.key(), 2, TicketState.REQUIREMENTS_ASSIGNED, TicketState.DESIGN_REVIEWED,
                DEV, NOW, List.of("SR-P-1", "SR-P-2")), moved.transition());
        Ticket implemented = to(moved.ticket(), TicketState.IMPLEMENTED, OPEN, DEV);
        assertEquals(Optional.of("dave"), implemented.implementedBy());
        Ticket verified = to(implemented, TicketState.VERIFIED, TESTED, TESTER);
        assertEquals(4, verified.version());
        assertEquals(List.of(TicketMove.Kind.BACK, TicketMove.Kind.REOPEN),
                verified.moves().stream().map(TicketMove::kind).toList());
        Ticket reopened = to(verified, TicketState.REQUIREMENTS_ASSIGNED, OPEN, DEV);
        assertEquals(Optional.empty(), reopened.implementedBy(), "reopened: implemented anew later");
        Ticket back = to(implemented, TicketState.DESIGN_REVIEWED, OPEN, DEV);
        assertEquals(TicketState.DESIGN_REVIEWED, back.state());
    }

    @Test
    void skippingAStepIsNoMove() {
        TicketMoveRefused refused = assertThrows(TicketMoveRefused.class,
                () -> fresh().move(TicketState.VERIFIED, TESTED, TESTER, 1, NOW));
        assertEquals("ticket.no-such-move", refused.messageKey());
        assertEquals(List.of(), refused.reasons());
    }

    @Test
    void aTicketWithoutSecurityRequirementsIsHeldBeforeDesignReview() {
        Ticket ticket = fresh();
        TicketMoveRefused refused = assertThrows(TicketMoveRefused.class,
                () -> ticket.move(TicketState.DESIGN_REVIEWED, NONE, DEV, 1, NOW));
        assertEquals(List.of(Reason.of("ticket.guard.no-requirements")), refused.reasons());
        assertEquals(List.of(Reason.of("ticket.guard.no-requirements")), ticket.holds(NONE));
        assertEquals(List.of(), ticket.holds(OPEN));
        assertFalse(ticket.carriesRequirements(NONE));
    }

    @Test
    void verifiedOnlyWhenEveryRequirementHasAPassedTest() {
        Ticket implemented = to(to(fresh(), TicketState.DESIGN_REVIEWED, OPEN, DEV), TicketState.IMPLEMENTED, OPEN, DEV);
        TicketMoveRefused refused = assertThrows(TicketMoveRefused.class,
                () -> implemented.move(TicketState.VERIFIED, OPEN, TESTER, implemented.version(), NOW));
        assertEquals(List.of(Reason.of("ticket.guard.unverified", "SR-P-2")), refused.reasons());
        assertEquals(refused.reasons(), implemented.holds(OPEN), "the board shows what holds it");
        assertFalse(implemented.verifiedNow(TESTED));
        Ticket verified = to(implemented, TicketState.VERIFIED, TESTED, TESTER);
        assertTrue(verified.verifiedNow(TESTED));
        assertEquals(List.of(), verified.holds(TESTED));
        assertFalse(verified.verifiedNow(OPEN), "a test failed since: no longer verified");
        assertEquals(List.of(Reason.of("ticket.guard.evidence-lost", "SR-P-2")), verified.holds(OPEN));
    }

    @Test
    void theImplementerDoesNotVerifyTheirOwnTicket() {
        Participant both = new Participant("dave", Set.of(Role.DEVELOPER, Role.TESTER));
        Ticket implemented = to(to(fresh(), TicketState.DESIGN_REVIEWED, OPEN, both), TicketState.IMPLEMENTED, OPEN, both);
        assertThrows(SelfVerification.class, () -> implemented.move(TicketState.VERIFIED, TESTED, both,
                implemented.version(), NOW));
        assertEquals(TicketState.VERIFIED, to(implemented, TicketState.VERIFIED, TESTED, TESTER).state());
    }

    @Test
    void aMoveOrEditBasedOnAnOldVersionIsRefused() {
        Ticket ticket = to(fresh(), TicketState.DESIGN_REVIEWED, OPEN, DEV);
        assertThrows(StaleVersion.class, () -> ticket.move(TicketState.IMPLEMENTED, OPEN, DEV, 1, NOW));
        assertThrows(StaleVersion.class, () -> ticket.describe("x", TicketKind.BUG, Optional.empty(), 1, NOW));
        Ticket described = ticket.describe("Coupon fraud", TicketKind.BUG, Optional.empty(), 2, NOW);
        assertEquals(3, described.version());
        assertEquals(TicketState.DESIGN_REVIEWED, described.state());
    }

    @Test
    void keysTitlesKindsAndLinksAreChecked() {
        for (String bad : new String[] {"shop-1", "S-1", "SHOP123", "SHOP-", "SHOP-1 ", "<b>-1", null}) {
            assertThrows(InvalidTicketInput.class, () -> new TicketKey(bad), String.valueOf(bad));
        }
        assertEquals("SHOP-123", new TicketKey("SHOP-123").value());
        assertEquals(TicketKind.BUG, TicketKind.parse("bug"));
        assertThrows(InvalidTicketInput.class, () -> TicketKind.parse("epic"));
        assertThrows(InvalidTicketInput.class, () -> TicketState.parse("DONE"));
        assertThrows(InvalidTicketInput.class, () -> Ticket.trackerUrl("javascript:alert(1)"));
        assertThrows(InvalidTicketInput.class, () -> Ticket.trackerUrl("ftp://tracker/1"));
        assertEquals(Optional.empty(), Ticket.trackerUrl(" "));
        assertThrows(InvalidTicketInput.class, () -> fresh().describe(" ", TicketKind.BUG, Optional.empty(), 1, NOW));
        assertThrows(InvalidTicketInput.class, () -> fresh().describe("x".repeat(301), TicketKind.BUG, Optional.empty(), 1,
                NOW));
    }

    @Test
    void theGateNamesEveryTicketItWaitsFor() {
        Ticket open = fresh();
        Ticket verified = to(to(to(fresh(), TicketState.DESIGN_REVIEWED, OPEN, DEV), TicketState.IMPLEMENTED, OPEN, DEV),
                TicketState.VERIFIED, TESTED, TESTER);
        assertTrue(TicketsVerifiedGate.answer(List.of()).passes());
        assertEquals(List.of(Reason.of("gate.tickets.not-verified", "SHOP-123", "REQUIREMENTS_ASSIGNED", "SR-P-1, SR-P-2"),
                Reason.of("gate.tickets.evidence-lost", "SHOP-123", "SR-P-2")), TicketsVerifiedGate.answer(List.of(
                        new Tickets.Card(open, OPEN, open.holds(OPEN), open.moves()),
                        new Tickets.Card(verified, OPEN, verified.holds(OPEN), verified.moves()))).reasons());
    }
}
