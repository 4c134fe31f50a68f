package org.gatehouse.workflow.ticket;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.gatehouse.identity.access.AccessDenied;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.platform.error.StaleVersion;
import org.gatehouse.platform.id.Uuid7;
import org.gatehouse.workflow.api.ReleaseId;
import org.gatehouse.workflow.api.ReleaseStatus;
import org.gatehouse.workflow.lifecycle.Participant;
import org.gatehouse.workflow.lifecycle.PhaseTerminal;
import org.gatehouse.workflow.lifecycle.Reason;
import org.gatehouse.workflow.release.Release;
import org.gatehouse.workflow.release.Releases;
import org.gatehouse.workflow.requirement.Requirement;
import org.gatehouse.workflow.requirement.RequirementLinked;
import org.gatehouse.workflow.requirement.Requirements;
import org.gatehouse.workflow.signing.DecisionSignatures;
import org.gatehouse.platform.sql.Jdbc;

/**
 * Transaction boundary of a release's tickets (issue 6, ADR 0018). Reading needs RELEASE_READ;
 * creating and describing REQUIREMENT_EDIT (like the requirements they carry); moving RELEASE_ADVANCE,
 * and verifying FINDING_VERIFY in addition (testers and security reviewers, as for re-tests of fixes).
 * A move locks the ticket row, checks the client's version, is recorded append-only, signed with the
 * mover's key and audited, all in one transaction. A closed release's tickets change no more.
 */
@ApplicationScoped
@Transactional
public class Tickets {
    /** Bounds the number of tickets a release holds. */
    static final int MAX_PER_RELEASE = 500;
    private static final TicketFacts NO_FACTS = new TicketFacts(List.of(), List.of());

    @Inject
    Releases releases;

    @Inject
    Requirements requirements;

    @Inject
    Instance<TicketEvidence> evidence;

    @Inject
    DecisionSignatures signatures;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    /** What a person writes for a ticket. */
    public record Draft(String title, TicketKind kind, Optional<URI> trackerUrl) {
    }

    /** A ticket on the board: its facts, what holds it where it is, and the moves from its state. */
    public record Card(Ticket ticket, TicketFacts facts, List<Reason> holds, List<TicketMove> moves) {
    }

    /** A ticket with its recorded moves, oldest first. */
    public record Detail(Card card, List<TicketTransition> transitions) {
    }

    /** The release's tickets in key order (RELEASE_READ). */
    @Transactional
    public List<Card> board(Actor actor, String releaseId) {
        return cards(releases.get(actor, releaseId).id());
    }

    /** One ticket with its history (RELEASE_READ). */
    @Transactional
    public Detail get(Actor actor, String releaseId, String key) {
        Release release = releases.get(actor, releaseId);
        Ticket ticket = read(c -> TicketStore.find(c, release.id(), key(key), false)).orElseThrow(() -> new TicketNotFound(key));
        return new Detail(card(ticket, factsOf(release.id(), ticket.key())),
                read(c -> TicketStore.transitions(c, ticket)));
    }

    /** Adds a ticket to the release at the start of its lifecycle (REQUIREMENT_EDIT). */
    public Card create(Actor actor, String releaseId, String key, Draft draft) {
        Release release = editable(actor, releaseId, Permission.REQUIREMENT_EDIT);
        TicketKey ticketKey = new TicketKey(key);
        Ticket ticket = Ticket.open(Uuid7.next(clock), release.id(), ticketKey, draft.title(), draft.kind(),
                draft.trackerUrl(), actor.name(), clock.instant());
        if (write(c -> TicketStore.count(c, release.id())) >= MAX_PER_RELEASE) {
            throw new InvalidTicketInput("ticket.too-many", MAX_PER_RELEASE);
        }
        if (!write(c -> TicketStore.insert(c, ticket))) {
            throw new DuplicateTicket(ticketKey);
        }
        audit.record(actor, AuditEntry.success("ticket.created", "release:" + release.id(),
                ticketKey + " (" + ticket.kind() + "): " + ticket.title()));
        return card(ticket, factsOf(release.id(), ticketKey));
    }

    /** Rewrites a ticket's title, kind and tracker link (REQUIREMENT_EDIT), based on {@code expectedVersion}. */
    public Card describe(Actor actor, String releaseId, String key, Draft draft, long expectedVersion) {
        Release release = editable(actor, releaseId, Permission.REQUIREMENT_EDIT);
        Ticket ticket = locked(release, key).describe(draft.title(), draft.kind(), draft.trackerUrl(), expectedVersion,
                clock.instant());
        store(ticket);
        audit.record(actor, AuditEntry.success("ticket.described", "release:" + release.id(),
                ticket.key() + " (" + ticket.kind() + ", version " + ticket.version() + "): " + ticket.title()));
        return card(ticket, factsOf(release.id(), ticket.key()));
    }

    /**
     * Moves a ticket one step (RELEASE_ADVANCE; VERIFIED needs FINDING_VERIFY too and someone other than
     * the implementer), based on {@code expectedVersion}.
     */
    public Card move(Actor actor, String releaseId, String key, TicketState to, long expectedVersion) {
        Release release = editable(actor, releaseId, Permission.RELEASE_ADVANCE);
        Ticket current = locked(release, key);
        boolean verifying = to == TicketState.VERIFIED && current.state() == TicketState.IMPLEMENTED;
        if (verifying && !actor.may(Permission.FINDING_VERIFY, release.project())) {
            throw new AccessDenied(Permission.FINDING_VERIFY);
        }
        TicketFacts facts = factsOf(release.id(), current.key());
        Ticket.Moved moved = current.move(to, facts, Participant.of(actor, release.project()), expectedVersion,
                clock.instant());
        store(moved.ticket());
        TicketTransition transition = moved.transition();
        write(c -> {
            TicketStore.append(c, current.id(), transition);
            return null;
        });
        // signed like the release's own moves (7.4.2, 7.4.3): a move that cannot be signed does not happen
        String subject = "ticket:" + current.key() + ":" + transition.version();
        var signed = signatures.sign(release.id(), subject, transition.from() + " -> " + transition.to(),
                actor.name(), transition.at(), Optional.of("requirements: " + String.join(", ", facts.requirements())));
        write(c -> {
            signatures.store(c, release.id(), subject, actor.name(), transition.at(), signed);
            return null;
        });
        audit.record(actor, AuditEntry.success("ticket.moved", "release:" + release.id(), current.key() + ": "
                + transition.from() + " -> " + transition.to() + " (version " + transition.version() + ", requirements "
                + String.join(", ", facts.requirements()) + ")"));
        return card(moved.ticket(), facts);
    }

    /**
     * The tickets the release gate waits for (actor-less, for {@link TicketsVerifiedGate}): those that
     * carry active security requirements and are not verified now, with what holds each.
     */
    @Transactional
    public List<Card> awaited(ReleaseId release) {
        return cards(release).stream().filter(c -> c.ticket().carriesRequirements(c.facts())
                && !c.ticket().verifiedNow(c.facts())).toList();
    }

    /** A requirement names a ticket key: the ticket is created when the release has none with it yet. */
    void onRequirementLinked(@Observes RequirementLinked linked) {
        TicketKey key = new TicketKey(linked.ticketKey());
        Instant at = linked.at();
        Ticket ticket = Ticket.open(Uuid7.next(clock), linked.release(), key, key.value(), TicketKind.STORY,
                Optional.empty(), linked.actor().name(), at);
        if (write(c -> TicketStore.insert(c, ticket))) {
            audit.record(linked.actor(), AuditEntry.success("ticket.created", "release:" + linked.release(),
                    key + " (" + ticket.kind() + "), named by a requirement"));
        }
    }

    // ---- plumbing

    private List<Card> cards(ReleaseId release) {
        List<Ticket> tickets = read(c -> TicketStore.tickets(c, release));
        Map<TicketKey, TicketFacts> facts = facts(release);
        return tickets.stream().map(t -> card(t, facts.getOrDefault(t.key(), NO_FACTS))).toList();
    }

    private static Card card(Ticket ticket, TicketFacts facts) {
        return new Card(ticket, facts, ticket.holds(facts), ticket.moves());
    }

    private TicketFacts factsOf(ReleaseId release, TicketKey key) {
        return facts(release).getOrDefault(key, NO_FACTS);
    }

    /**
     * Every ticket's active requirements and which of them no evidence verifies yet: a requirement is verified when any
     * {@link TicketEvidence} says so (a passed test, or a scan after the ticket was implemented).
     */
    private Map<TicketKey, TicketFacts> facts(ReleaseId release) {
        Map<TicketKey, List<String>> byTicket = new HashMap<>();
        List<TicketEvidence.Claim> claims = new ArrayList<>();
        Map<String, java.time.Instant> implemented = read(c -> TicketStore.implementedAt(c, release));
        for (Requirement requirement : requirements.of(release)) {
            if (requirement.active() && requirement.ticket().isPresent()) {
                String ticket = requirement.ticket().get();
                byTicket.computeIfAbsent(new TicketKey(ticket), k -> new ArrayList<>()).add(requirement.key());
                claims.add(new TicketEvidence.Claim(requirement.key(), requirement.scanCwes(),
                        java.util.Optional.ofNullable(implemented.get(ticket))));
            }
        }
        Set<String> verified = new java.util.HashSet<>();
        if (!claims.isEmpty()) {
            for (TicketEvidence source : evidence) {
                verified.addAll(source.verified(release, claims));
            }
        }
        Map<TicketKey, TicketFacts> facts = new HashMap<>();
        byTicket.forEach((key, keys) -> facts.put(key, new TicketFacts(keys,
                keys.stream().filter(k -> !verified.contains(k)).toList())));
        return facts;
    }

    private static TicketKey key(String key) {
        if (!TicketKey.isWellFormed(key)) {
            throw new TicketNotFound(key);
        }
        return new TicketKey(key);
    }

    private Release editable(Actor actor, String releaseId, Permission permission) {
        Release release = releases.get(actor, releaseId);
        if (!actor.may(permission, release.project())) {
            throw new AccessDenied(permission);
        }
        if (release.status() == ReleaseStatus.CLOSED) {
            throw new PhaseTerminal(release.phase());
        }
        return release;
    }

    private Ticket locked(Release release, String key) {
        return write(c -> TicketStore.find(c, release.id(), key(key), true)).orElseThrow(() -> new TicketNotFound(key));
    }

    private void store(Ticket ticket) {
        if (!write(c -> TicketStore.update(c, ticket))) {
            throw new StaleVersion(Long.toString(ticket.version() - 1), ticket.version() - 1);
        }
    }

    /** A statement on a connection. */
    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private <T> T write(Work<T> work) {
        try {
            return work.on(Jdbc.enlisted(em.unwrap(Connection.class)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the release's tickets", e);
        }
    }

    private <T> T read(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.on(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the release's tickets", e);
        }
    }
}
