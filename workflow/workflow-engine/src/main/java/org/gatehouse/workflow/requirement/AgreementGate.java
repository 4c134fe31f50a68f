package org.gatehouse.workflow.requirement;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.gatehouse.identity.access.Role;
import org.gatehouse.workflow.lifecycle.Gate;
import org.gatehouse.workflow.lifecycle.GateContext;
import org.gatehouse.workflow.lifecycle.GateId;
import org.gatehouse.workflow.lifecycle.GateResult;
import org.gatehouse.workflow.lifecycle.Reason;

/** A subject's content exists, lacks nothing, and every role it needs has signed exactly that content. */
abstract class AgreementGate implements Gate {
    private final SignOffSubject subject;
    private final GateId id;

    @Inject
    SignOffs signOffs;

    AgreementGate(SignOffSubject subject) {
        this.subject = subject;
        this.id = new GateId(subject.gate());
    }

    @Override
    public GateId id() {
        return id;
    }

    @Override
    public GateResult evaluate(GateContext context) {
        SubjectStatus status = signOffs.status(context.release(), subject);
        String slug = subject.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        if (status.contentSha256().isEmpty()) {
            return GateResult.blocked("gate.agreement." + slug + ".nothing");
        }
        List<Reason> reasons = new ArrayList<>();
        status.lacking().forEach(lacking -> reasons.add(Reason.of("gate.agreement." + slug + ".lacking", lacking)));
        reasons.addAll(more(context, status));
        if (!status.missing().isEmpty()) {
            reasons.add(Reason.of("gate.agreement.unsigned", status.missing().stream().map(Role::name)
                    .collect(Collectors.joining(", "))));
        }
        return reasons.isEmpty() ? GateResult.passed() : new GateResult.Blocked(reasons);
    }

    /** What else a subject needs (the risk assessment: a level the release's definition covers). */
    List<Reason> more(GateContext context, SubjectStatus status) {
        return List.of();
    }
}
