package org.gatehouse.workflow.ticket;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.platform.error.StaleVersion;
import org.gatehouse.workflow.api.ReleaseId;
import org.gatehouse.workflow.lifecycle.Participant;
import org.gatehouse.workflow.lifecycle.Reason;

/**
 * A ticket of a release with its small lifecycle (issue 6, ADR 0018): one step forward or back at a
 * time, or reopened from VERIFIED. Pure: the boundary loads it with its {@link TicketFacts}, asks for
 * a move and stores what comes back.
 * <ul>
 * <li>no forward move without at least one active security requirement (a ticket without any is not
 * the business of the security lifecycle);</li>
 * <li>VERIFIED only when every requirement has a passed manual test and none failed
 * (B.1.3.1-ih, {@link TicketEvidence}), and never by the person who moved it to IMPLEMENTED
 * (separation of duties; the boundary also requires FINDING_VERIFY, as for re-tests of fixes).</li>
 * </ul>
 */
public record Ticket(UUID id, ReleaseId release, TicketKey key, String title, TicketKind kind,
        Optional<URI> trackerUrl, TicketState state, long version, Optional<String> implementedBy, String createdBy,
        Instant createdAt, Instant updatedAt) {

    static final int MAX_TITLE = 300;
    static final int MAX_URL = 2000;

    public Ticket {
        title = checkedTitle(title);
        trackerUrl.ifPresent(Ticket::checkUrl);
    }

    /** A new ticket at the start of its lifecycle. */
    public static Ticket open(UUID id, ReleaseId release, TicketKey key, String title, TicketKind kind,
            Optional<URI> trackerUrl, String by, Instant at) {
        return new Ticket(id, release, key, title, kind, trackerUrl, TicketState.INITIAL, 1, Optional.empty(), by, at, at);
    }

    /** The title, kind and tracker link rewritten (the key and the state stay), based on {@code expectedVersion}. */
    public Ticket describe(String newTitle, TicketKind newKind, Optional<URI> newUrl, long expectedVersion, Instant at) {
        checkVersion(expectedVersion);
        return new Ticket(id, release, key, newTitle, newKind, newUrl, state, version + 1, implementedBy, createdBy,
                createdAt, at);
    }

    /** The moves the lifecycle has from the current state (whether their guards hold them or not). */
    public List<TicketMove> moves() {
        List<TicketMove> moves = new ArrayList<>();
        state.next().ifPresent(to -> moves.add(new TicketMove(TicketMove.Kind.FORWARD, state, to)));
        state.previous().ifPresent(to -> moves.add(new TicketMove(TicketMove.Kind.BACK, state, to)));
        if (state == TicketState.VERIFIED) {
            moves.add(new TicketMove(TicketMove.Kind.REOPEN, state, TicketState.INITIAL));
        }
        return moves;
    }

    /** What holds the ticket where it is: the guards of its forward move, or, once VERIFIED, evidence lost since. */
    public List<Reason> holds(TicketFacts facts) {
        return state.next().map(to -> guards(to, facts)).orElseGet(() -> stillVerified(facts));
    }

    /** Whether the ticket's verification still stands: VERIFIED and every requirement still verified by a test. */
    public boolean verifiedNow(TicketFacts facts) {
        return state == TicketState.VERIFIED && stillVerified(facts).isEmpty();
    }

    /** A ticket the release gate waits for: it carries active security requirements. */
    public boolean carriesRequirements(TicketFacts facts) {
        return !facts.requirements().isEmpty();
    }

    /**
     * Moves to {@code to} when the lifecycle permits that step from here and its guards pass; the
     * transition records who moved it with which requirements.
     *
     * @throws StaleVersion when {@code expectedVersion} is not the current version
     * @throws TicketMoveRefused when there is no such move, or a guard holds it (every reason listed)
     * @throws SelfVerification when the mover moved the ticket to IMPLEMENTED
     */
    public Moved move(TicketState to, TicketFacts facts, Participant by, long expectedVersion, Instant at) {
        checkVersion(expectedVersion);
        TicketMove move = moves().stream().filter(m -> m.to() == to).findFirst()
                .orElseThrow(() -> new TicketMoveRefused(key, state, to, List.of()));
        if (move.kind() == TicketMove.Kind.FORWARD) {
            if (to == TicketState.VERIFIED && implementedBy.filter(by.name()::equals).isPresent()) {
                throw new SelfVerification(key);
            }
            List<Reason> reasons = guards(to, facts);
            if (!reasons.isEmpty()) {
                throw new TicketMoveRefused(key, state, to, reasons);
            }
        }
        Optional<String> implementer = to == TicketState.IMPLEMENTED && move.kind() == TicketMove.Kind.FORWARD
                ? Optional.of(by.name()) : to.compareTo(TicketState.IMPLEMENTED) < 0 ? Optional.empty() : implementedBy;
        Ticket next = new Ticket(id, release, key, title, kind, trackerUrl, to, version + 1, implementer, createdBy,
                createdAt, at);
        return new Moved(next, new TicketTransition(key, next.version(), state, to, by, at, facts.requirements()));
    }

    /** A ticket after a move, with the record of it. */
    public record Moved(Ticket ticket, TicketTransition transition) {
    }

    static List<Reason> guards(TicketState to, TicketFacts facts) {
        List<Reason> reasons = new ArrayList<>();
        if (facts.requirements().isEmpty()) {
            reasons.add(Reason.of("ticket.guard.no-requirements"));
        } else if (to == TicketState.VERIFIED && !facts.unverified().isEmpty()) {
            reasons.add(Reason.of("ticket.guard.unverified", String.join(", ", facts.unverified())));
        }
        return reasons;
    }

    private List<Reason> stillVerified(TicketFacts facts) {
        if (state != TicketState.VERIFIED) {
            return List.of(Reason.of("ticket.guard.not-verified", state.name()));
        }
        List<Reason> reasons = guards(TicketState.VERIFIED, facts);
        return reasons.isEmpty() ? reasons : List.of(Reason.of("ticket.guard.evidence-lost", String.join(", ",
                facts.requirements().isEmpty() ? List.of("—") : facts.unverified())));
    }

    private void checkVersion(long expected) {
        if (expected != version) {
            throw new StaleVersion(Long.toString(expected), version);
        }
    }

    private static String checkedTitle(String title) {
        String text = title == null ? "" : title.strip();
        if (text.isEmpty() || text.length() > MAX_TITLE) {
            throw new InvalidTicketInput("ticket.title-length", MAX_TITLE);
        }
        return text;
    }

    private static void checkUrl(URI url) {
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null
                || url.toString().length() > MAX_URL) {
            throw new InvalidTicketInput("ticket.tracker-url", TicketKey.shortened(url.toString()));
        }
    }

    /** Parses a tracker link as written (absent when blank). */
    public static Optional<URI> trackerUrl(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            URI url = new URI(text.strip());
            checkUrl(url);
            return Optional.of(url);
        } catch (java.net.URISyntaxException e) {
            throw new InvalidTicketInput("ticket.tracker-url", TicketKey.shortened(text));
        }
    }
}
