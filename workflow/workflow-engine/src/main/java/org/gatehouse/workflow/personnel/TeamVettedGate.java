package org.gatehouse.workflow.personnel;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.gatehouse.identity.access.Role;
import org.gatehouse.workflow.lifecycle.DefaultDefinitions;
import org.gatehouse.workflow.lifecycle.Gate;
import org.gatehouse.workflow.lifecycle.GateContext;
import org.gatehouse.workflow.lifecycle.GateId;
import org.gatehouse.workflow.lifecycle.GateResult;
import org.gatehouse.workflow.lifecycle.Reason;

/**
 * {@code team.vetted} (C.1, ADR 0019): blocks while anyone holding a developer, tester or security-reviewer
 * role on the release's project lacks a prerequisite the definition's protection level requires (a passed
 * background check, a confidentiality agreement and a security-awareness training in force; at level 3 a
 * secure-coding training too). Each missing prerequisite of each person is a reason naming them. At a
 * level that requires nothing it passes.
 */
@Dependent
public class TeamVettedGate implements Gate {
    private static final GateId ID = new GateId(DefaultDefinitions.TEAM_VETTED);
    /** Bounds the reasons one answer carries (they are stored with every transition). */
    static final int LISTED = 50;

    @Inject
    Personnel personnel;

    @Override
    public GateId id() {
        return ID;
    }

    @Override
    public GateResult evaluate(GateContext context) {
        if (VettingPolicy.requiredAt(context.protectionLevel()).isEmpty()) {
            return GateResult.passed();
        }
        return answer(personnel.lapses(context.release(), context.protectionLevel(), context.now()));
    }

    static GateResult answer(List<Lapse> lapses) {
        List<Reason> reasons = new ArrayList<>();
        int more = 0;
        for (Lapse lapse : lapses) {
            String roles = String.join(", ", lapse.roles().stream().map(Role::name).toList());
            for (Prerequisite missing : lapse.missing()) {
                if (reasons.size() < LISTED) {
                    reasons.add(Reason.of("gate.team." + missing.wireName(), lapse.login(), roles));
                } else {
                    more++;
                }
            }
        }
        if (reasons.isEmpty()) {
            return GateResult.passed();
        }
        if (more > 0) {
            reasons.add(Reason.of("gate.team.more", more));
        }
        return new GateResult.Blocked(reasons);
    }
}
