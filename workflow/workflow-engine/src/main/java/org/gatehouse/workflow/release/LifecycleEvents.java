package org.gatehouse.workflow.release;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.outbox.EventType;
import org.gatehouse.identity.outbox.OutboxEvent;
import org.gatehouse.workflow.lifecycle.BlockingReason;
import org.gatehouse.workflow.lifecycle.Transition;
import org.gatehouse.workflow.lifecycle.TransitionBlocked;
import org.gatehouse.workflow.lifecycle.Trigger;

/** The outbox events of release lifecycles (issue 7): a phase changed, a move was refused by its gates. */
final class LifecycleEvents {
    /** A refused move names at most this many reasons. */
    static final int MAX_REASONS = 20;

    private LifecycleEvents() {
    }

    static OutboxEvent phaseChanged(Release release, Transition transition) {
        JsonObject data = Json.createObjectBuilder()
                .add("release", release.id().value().toString())
                .add("version", release.version())
                .add("from", transition.from().name())
                .add("to", transition.to().name())
                .add("trigger", transition.trigger().name())
                .add("by", transition.by().name())
                .add("lifecycleVersion", transition.version())
                .add("waived", transition.waiversUsed().size())
                .build();
        return OutboxEvent.of(EventType.RELEASE_PHASE_CHANGED, release.project(), "release:" + release.id(), data);
    }

    static OutboxEvent blocked(Release release, Trigger trigger, Actor actor, TransitionBlocked blocked) {
        JsonArrayBuilder reasons = Json.createArrayBuilder();
        blocked.reasons().stream().limit(MAX_REASONS).forEach(reason -> reasons.add(describe(reason)));
        JsonObject data = Json.createObjectBuilder()
                .add("release", release.id().value().toString())
                .add("version", release.version())
                .add("phase", release.phase().name())
                .add("trigger", trigger.name())
                .add("by", actor.name())
                .add("reasonCount", blocked.reasons().size())
                .add("reasons", reasons)
                .build();
        return OutboxEvent.of(EventType.GATE_BLOCKED, release.project(), "release:" + release.id(), data);
    }

    private static JsonObject describe(BlockingReason reason) {
        return Json.createObjectBuilder()
                .add("gate", reason.gate().map(g -> g.value()).orElse("activity"))
                .add("key", reason.reason().key())
                .add("pending", reason.pending())
                .build();
    }
}
