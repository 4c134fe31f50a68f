package org.gatehouse.workflow.requirement;

import java.time.Instant;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.workflow.api.ReleaseId;

/**
 * A requirement is about to name a ticket key (added or rewritten): fired synchronously inside the
 * writing transaction, before the row is written, so that the ticket exists for the row's foreign
 * key (V19; the ticket package creates an unknown one).
 */
public record RequirementLinked(ReleaseId release, String ticketKey, Actor actor, Instant at) {
}
