package org.gatehouse.workflow.ticket;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gatehouse.identity.access.Role;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.workflow.api.ReleaseId;
import org.gatehouse.workflow.lifecycle.Participant;

/** The rows of tickets and their moves (V19); bound parameters only, on the caller's connection. */
final class TicketStore {
    /** Bounds what one release holds and what one ticket's history shows. */
    static final int MAX_TICKETS = 2000;
    static final int MAX_TRANSITIONS = 1000;

    private static final String COLUMNS = "SELECT id, release_id, ticket_key, title, kind, tracker_url, state,"
            + " state_version, implemented_by, created_by, created_at, updated_at FROM release_ticket";

    private TicketStore() {
    }

    static List<Ticket> tickets(Connection c, ReleaseId release) throws SQLException {
        return Jdbc.list(c, COLUMNS + " WHERE release_id = ? ORDER BY ticket_key LIMIT " + MAX_TICKETS, TicketStore::ticket,
                release.value());
    }

    static Optional<Ticket> find(Connection c, ReleaseId release, TicketKey key, boolean lock) throws SQLException {
        return Jdbc.first(c, COLUMNS + " WHERE release_id = ? AND ticket_key = ?" + (lock ? " FOR UPDATE" : ""),
                TicketStore::ticket, release.value(), key.value());
    }

    /** When each ticket of the release that is now IMPLEMENTED or VERIFIED last moved to IMPLEMENTED, by ticket key. */
    static java.util.Map<String, Instant> implementedAt(Connection c, ReleaseId release) throws SQLException {
        java.util.Map<String, Instant> at = new java.util.HashMap<>();
        for (Object[] row : Jdbc.list(c, "SELECT t.ticket_key, max(m.occurred_at) FROM release_ticket t"
                + " JOIN ticket_transition m ON m.ticket_id = t.id AND m.to_state = 'IMPLEMENTED'"
                + " WHERE t.release_id = ? AND t.state IN ('IMPLEMENTED', 'VERIFIED') GROUP BY t.ticket_key",
                r -> new Object[] {r.getString(1), instant(r, 2)}, release.value())) {
            at.put((String) row[0], (Instant) row[1]);
        }
        return at;
    }

    static int count(Connection c, ReleaseId release) throws SQLException {
        return Jdbc.first(c, "SELECT count(*) FROM release_ticket WHERE release_id = ?", r -> r.getInt(1), release.value())
                .orElse(0);
    }

    /** Inserts the ticket unless the release has its key already; true when inserted. */
    static boolean insert(Connection c, Ticket t) throws SQLException {
        return Jdbc.update(c, "INSERT INTO release_ticket (id, release_id, ticket_key, title, kind, tracker_url, state,"
                + " state_version, implemented_by, created_by, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (release_id, ticket_key) DO NOTHING",
                t.id(), t.release().value(), t.key().value(), t.title(), t.kind().name(),
                t.trackerUrl().map(URI::toString).orElse(null), t.state().name(), t.version(),
                t.implementedBy().orElse(null), t.createdBy(), utc(t.createdAt()), utc(t.updatedAt())) == 1;
    }

    /** Writes the ticket's new version over the one it was based on; false when that is no longer current. */
    static boolean update(Connection c, Ticket t) throws SQLException {
        return Jdbc.update(c, "UPDATE release_ticket SET title = ?, kind = ?, tracker_url = ?, state = ?, state_version = ?,"
                + " implemented_by = ?, updated_at = ? WHERE id = ? AND state_version = ?", t.title(), t.kind().name(),
                t.trackerUrl().map(URI::toString).orElse(null), t.state().name(), t.version(),
                t.implementedBy().orElse(null), utc(t.updatedAt()), t.id(), t.version() - 1) == 1;
    }

    static void append(Connection c, UUID ticket, TicketTransition m) throws SQLException {
        Jdbc.update(c, "INSERT INTO ticket_transition (ticket_id, version, from_state, to_state, actor, actor_roles,"
                + " occurred_at, requirements) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", ticket, m.version(), m.from().name(),
                m.to().name(), m.by().name(), c.createArrayOf("text", m.by().roles().stream().map(Role::name).sorted()
                        .toArray()), utc(m.at()), c.createArrayOf("text", m.requirements().toArray()));
    }

    static List<TicketTransition> transitions(Connection c, Ticket ticket) throws SQLException {
        return Jdbc.list(c, "SELECT version, from_state, to_state, actor, actor_roles, occurred_at, requirements"
                + " FROM ticket_transition WHERE ticket_id = ? ORDER BY version LIMIT " + MAX_TRANSITIONS,
                r -> new TicketTransition(ticket.key(), r.getLong(1), TicketState.valueOf(r.getString(2)),
                        TicketState.valueOf(r.getString(3)), new Participant(r.getString(4), roles(r, 5)), instant(r, 6),
                        List.of((String[]) r.getArray(7).getArray())), ticket.id());
    }

    private static Ticket ticket(ResultSet r) throws SQLException {
        return new Ticket(r.getObject(1, UUID.class), new ReleaseId(r.getObject(2, UUID.class)), new TicketKey(r.getString(3)),
                r.getString(4), TicketKind.valueOf(r.getString(5)), Optional.ofNullable(r.getString(6)).map(URI::create),
                TicketState.valueOf(r.getString(7)), r.getLong(8), Optional.ofNullable(r.getString(9)), r.getString(10),
                instant(r, 11), instant(r, 12));
    }

    private static Set<Role> roles(ResultSet r, int column) throws SQLException {
        return Arrays.stream((String[]) r.getArray(column).getArray()).map(Role::valueOf).collect(Collectors.toSet());
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        return r.getTimestamp(column).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
