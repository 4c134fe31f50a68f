package org.gatehouse.workflow.ticket;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.gatehouse.workflow.lifecycle.DefaultDefinitions;
import org.gatehouse.workflow.lifecycle.Gate;
import org.gatehouse.workflow.lifecycle.GateContext;
import org.gatehouse.workflow.lifecycle.GateId;
import org.gatehouse.workflow.lifecycle.GateResult;
import org.gatehouse.workflow.lifecycle.Reason;

/**
 * The release cannot leave testing while a ticket with security requirements is not verified (issue 6,
 * B.1.3.1-ih; ADR 0018): every ticket carrying active requirements is in state VERIFIED, and its
 * verification still stands (each requirement still has a passed test and no failed one). Every
 * blocking ticket is a reason of its own.
 */
@Dependent
public class TicketsVerifiedGate implements Gate {
    private static final GateId ID = new GateId(DefaultDefinitions.TICKETS_VERIFIED);
    /** Bounds the reasons one answer carries (they are stored with every transition). */
    static final int LISTED = 50;

    @Inject
    Tickets tickets;

    @Override
    public GateId id() {
        return ID;
    }

    @Override
    public GateResult evaluate(GateContext context) {
        return answer(tickets.awaited(context.release()));
    }

    static GateResult answer(List<Tickets.Card> awaited) {
        if (awaited.isEmpty()) {
            return GateResult.passed();
        }
        List<Reason> reasons = new ArrayList<>();
        for (Tickets.Card card : awaited.subList(0, Math.min(LISTED, awaited.size()))) {
            Ticket ticket = card.ticket();
            reasons.add(ticket.state() == TicketState.VERIFIED
                    ? Reason.of("gate.tickets.evidence-lost", ticket.key(), String.join(", ", card.facts().unverified()))
                    : Reason.of("gate.tickets.not-verified", ticket.key(), ticket.state().name(),
                            String.join(", ", card.facts().requirements())));
        }
        if (awaited.size() > LISTED) {
            reasons.add(Reason.of("gate.tickets.more", awaited.size() - LISTED));
        }
        return new GateResult.Blocked(reasons);
    }
}
