package org.gatehouse.findings.manual;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Collectors;
import org.gatehouse.workflow.lifecycle.DefaultDefinitions;
import org.gatehouse.workflow.lifecycle.Gate;
import org.gatehouse.workflow.lifecycle.GateContext;
import org.gatehouse.workflow.lifecycle.GateId;
import org.gatehouse.workflow.lifecycle.GateResult;
import org.gatehouse.workflow.requirement.SignOffSubject;
import org.gatehouse.workflow.requirement.SignOffs;

/**
 * The release cannot leave testing while a ticket with security requirements is unverified (issue 6):
 * every requirement of every ticket is covered by a manual test case that passed ({@link TicketVerification}).
 */
@Dependent
public class TicketsVerifiedGate implements Gate {
    private static final GateId ID = new GateId(DefaultDefinitions.TICKETS_VERIFIED);
    private static final int LISTED = 5;

    @Inject
    SignOffs signOffs;

    @Inject
    ManualTestRecords records;

    @Override
    public GateId id() {
        return ID;
    }

    @Override
    public GateResult evaluate(GateContext context) {
        List<TicketVerification.Open> open = TicketVerification.open(signOffs.content(context.release(),
                java.util.EnumSet.of(SignOffSubject.SECURITY_REQUIREMENTS)).requirements(),
                records.casesOf(context.release()));
        if (open.isEmpty()) {
            return GateResult.passed();
        }
        String listed = open.stream().limit(LISTED).map(t -> t.ticket() + " (" + String.join(", ", t.requirements()) + ")")
                .collect(Collectors.joining("; ")) + (open.size() > LISTED ? "; …" : "");
        return GateResult.blocked("gate.tickets.unverified", open.size(), listed);
    }
}
