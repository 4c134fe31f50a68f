package org.gatehouse.web.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.gatehouse.identity.access.Role;
import org.gatehouse.workflow.lifecycle.Reason;
import org.gatehouse.workflow.ticket.Ticket;
import org.gatehouse.workflow.ticket.TicketMove;
import org.gatehouse.workflow.ticket.TicketTransition;
import org.gatehouse.workflow.ticket.Tickets;

/** How the API shows tickets: reasons as keys with the text in the client's language. */
final class TicketViews {
    private final Locale locale;

    TicketViews(Locale locale) {
        this.locale = locale;
    }

    public record ReasonView(String key, String message) {
    }

    /** A move from the ticket's state; {@code heldBy} lists what holds it now (empty: its guards pass). */
    public record MoveView(String kind, String to, List<ReasonView> heldBy) {
    }

    public record TicketView(String key, String title, String kind, String trackerUrl, String state, long version,
            List<String> requirements, int requirementCount, List<String> unverified, List<ReasonView> holds,
            List<MoveView> moves, String implementedBy, String createdBy, Instant createdAt, Instant updatedAt) {
    }

    public record TransitionView(long version, String from, String to, String actor, List<String> actorRoles, Instant at,
            List<String> requirements) {
    }

    public record DetailView(TicketView ticket, List<TransitionView> transitions) {
    }

    TicketView of(Tickets.Card card) {
        Ticket t = card.ticket();
        List<ReasonView> holds = reasons(card.holds());
        return new TicketView(t.key().value(), t.title(), t.kind().name(), t.trackerUrl().map(Object::toString).orElse(null),
                t.state().name(), t.version(), card.facts().requirements(), card.facts().requirements().size(),
                card.facts().unverified(), holds, card.moves().stream().map(m -> new MoveView(m.kind().name(),
                        m.to().name(), m.kind() == TicketMove.Kind.FORWARD ? holds : List.of())).toList(),
                t.implementedBy().orElse(null), t.createdBy(), t.createdAt(), t.updatedAt());
    }

    DetailView of(Tickets.Detail detail) {
        return new DetailView(of(detail.card()), detail.transitions().stream().map(TicketViews::of).toList());
    }

    static TransitionView of(TicketTransition m) {
        return new TransitionView(m.version(), m.from().name(), m.to().name(), m.by().name(),
                m.by().roles().stream().map(Role::name).sorted().toList(), m.at(), m.requirements());
    }

    List<ReasonView> reasons(List<Reason> reasons) {
        return reasons.stream().map(r -> new ReasonView(r.key(), r.format(Tickets.class, locale))).toList();
    }
}
