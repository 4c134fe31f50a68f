package org.gatehouse.workflow.release;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.gatehouse.evidence.certificate.SignedDecision;
import org.gatehouse.identity.access.Role;
import org.gatehouse.platform.id.Uuid7;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.workflow.api.ReleaseId;
import org.gatehouse.workflow.lifecycle.ActivityId;
import org.gatehouse.workflow.lifecycle.DefinitionRef;
import org.gatehouse.workflow.lifecycle.GateEvaluation;
import org.gatehouse.workflow.lifecycle.GateId;
import org.gatehouse.workflow.lifecycle.GateResult;
import org.gatehouse.workflow.lifecycle.Participant;
import org.gatehouse.workflow.lifecycle.Phase;
import org.gatehouse.workflow.lifecycle.Reason;
import org.gatehouse.workflow.lifecycle.Transition;
import org.gatehouse.workflow.lifecycle.Trigger;
import org.gatehouse.workflow.lifecycle.Waiver;
import org.gatehouse.workflow.signing.DecisionSignatures;

/**
 * The append-only records of release lifecycles (B.1.3.1-ii: every decision and override is kept):
 * transitions with every gate's answer, waivers, completed activities. Written on the transaction's
 * own connection, so they commit or roll back with the move they record; the tables refuse UPDATE,
 * DELETE and TRUNCATE.
 */
@ApplicationScoped
public class LifecycleLog {
    /** Bounds what one release can ask for (a release moves a few dozen times at most). */
    static final int MAX_ENTRIES = 1000;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    DecisionSignatures signatures;

    /** A completed activity as recorded. */
    public record ActivityRecord(Phase phase, ActivityId activity, String by, Instant at, Optional<String> note) {
    }

    void append(Transition transition) {
        write(c -> Jdbc.update(c, "INSERT INTO release_transition (release_id, version, definition, from_phase, to_phase,"
                + " trigger_name, actor, actor_roles, occurred_at, gates) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)",
                transition.release().value(), transition.version(), transition.definition().toString(),
                transition.from().name(), transition.to().name(), transition.trigger().name(), transition.by().name(),
                roles(c, transition.by()), utc(transition.at()), gatesJson(transition.gates()).toString()));
    }

    void append(ReleaseId release, Waiver waiver) {
        write(c -> Jdbc.update(c, "INSERT INTO release_waiver (id, release_id, gate, granted_by, granted_roles,"
                + " justification, granted_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                Uuid7.next(clock), release.value(),
                waiver.gate().value(), waiver.grantedBy().name(), roles(c, waiver.grantedBy()), waiver.justification(),
                utc(waiver.grantedAt()), utc(waiver.expiresAt())));
    }

    void append(ReleaseId release, long version, Phase phase, ActivityId activity, Participant by, Instant at,
            Optional<String> note) {
        write(c -> Jdbc.update(c, "INSERT INTO release_activity (release_id, version, phase, activity, completed_by,"
                + " completed_at, note) VALUES (?, ?, ?, ?, ?, ?, ?)", release.value(), version, phase.name(),
                activity.value(), by.name(), utc(at), note.orElse(null)));
    }

    /**
     * Signs a decision with the deciding person's key, time-stamps it and stores it with the decision
     * (7.4.2, 7.4.3): a move or waiver that cannot be signed does not happen.
     */
    void sign(ReleaseId release, String subject, String decision, Participant by, Instant at, Optional<String> comment) {
        SignedDecision signed = signatures.sign(release, subject, decision, by.name(), at, comment);
        write(c -> signatures.store(c, release, subject, by.name(), at, signed));
    }

    /** The waivers granted on a release, oldest first (expired ones too: the engine checks expiry). */
    public List<Waiver> waivers(ReleaseId release) {
        return read("SELECT gate, granted_by, granted_roles, justification, granted_at, expires_at FROM release_waiver"
                + " WHERE release_id = ? ORDER BY granted_at, id LIMIT " + MAX_ENTRIES, release, r -> new Waiver(
                        new GateId(r.getString(1)), participant(r.getString(2), r.getArray(3)), r.getString(4),
                        instant(r, 5), instant(r, 6)));
    }

    /** The transitions of a release, oldest first. */
    public List<Transition> transitions(ReleaseId release) {
        return read("SELECT definition, from_phase, to_phase, trigger_name, actor, actor_roles, occurred_at, gates, version"
                + " FROM release_transition WHERE release_id = ? ORDER BY version LIMIT " + MAX_ENTRIES, release, r -> {
                    String[] definition = r.getString(1).split("@");
                    List<GateEvaluation> gates = gates(r.getString(8));
                    List<Waiver> used = gates.stream().filter(GateEvaluation::waived)
                            .map(g -> g.waiver().orElseThrow()).toList();
                    return new Transition(release, new DefinitionRef(definition[0],
                            Integer.parseInt(definition[1])), Phase.valueOf(r.getString(2)), Phase.valueOf(r.getString(3)),
                            new Trigger(r.getString(4)), participant(r.getString(5), r.getArray(6)), instant(r, 7), gates,
                            used, r.getLong(9));
                });
    }

    /** The activities completed in a release, oldest first. */
    public List<ActivityRecord> activities(ReleaseId release) {
        return read("SELECT phase, activity, completed_by, completed_at, note FROM release_activity WHERE release_id = ?"
                + " ORDER BY version LIMIT " + MAX_ENTRIES, release, r -> new ActivityRecord(Phase.valueOf(r.getString(1)),
                        new ActivityId(r.getString(2)), r.getString(3), instant(r, 4), Optional.ofNullable(r.getString(5))));
    }

    // ---- JSON of the gate answers: [{"gate", "outcome", "reasons": [{"key", "arguments"}], "waiver": {...}}]

    static JsonArray gatesJson(List<GateEvaluation> evaluations) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (GateEvaluation evaluation : evaluations) {
            JsonObjectBuilder gate = Json.createObjectBuilder()
                    .add("gate", evaluation.gate().value())
                    .add("outcome", outcome(evaluation.result()))
                    .add("reasons", reasonsJson(evaluation.result().reasons()));
            evaluation.waiver().ifPresent(w -> gate.add("waiver", Json.createObjectBuilder()
                    .add("grantedBy", w.grantedBy().name())
                    .add("grantedRoles", Json.createArrayBuilder(w.grantedBy().roles().stream().map(Role::name).sorted()
                            .toList()))
                    .add("justification", w.justification())
                    .add("grantedAt", w.grantedAt().toString())
                    .add("expiresAt", w.expiresAt().toString())));
            array.add(gate);
        }
        return array.build();
    }

    private static String outcome(GateResult result) {
        if (result instanceof GateResult.Pending) {
            return "PENDING";
        }
        return result.passes() ? "PASSED" : "BLOCKED";
    }

    private static JsonArray reasonsJson(List<Reason> reasons) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        reasons.forEach(reason -> array.add(Json.createObjectBuilder().add("key", reason.key())
                .add("arguments", Json.createArrayBuilder(reason.arguments()))));
        return array.build();
    }

    static List<GateEvaluation> gates(String json) {
        JsonArray array = Json.createReader(new StringReader(json)).readArray();
        List<GateEvaluation> evaluations = new ArrayList<>();
        for (JsonValue value : array) {
            JsonObject gate = value.asJsonObject();
            List<Reason> reasons = gate.getJsonArray("reasons").stream().map(JsonValue::asJsonObject)
                    .map(r -> new Reason(r.getString("key"), r.getJsonArray("arguments").getValuesAs(JsonString.class)
                            .stream().map(JsonString::getString).toList()))
                    .toList();
            GateResult result = switch (gate.getString("outcome")) {
                case "PASSED" -> GateResult.passed();
                case "PENDING" -> new GateResult.Pending(reasons);
                default -> new GateResult.Blocked(reasons);
            };
            Optional<Waiver> waiver = Optional.ofNullable(gate.getJsonObject("waiver")).map(w -> new Waiver(
                    new GateId(gate.getString("gate")), new Participant(w.getString("grantedBy"),
                            w.getJsonArray("grantedRoles").getValuesAs(JsonString.class).stream()
                                    .map(s -> Role.valueOf(s.getString())).collect(Collectors.toSet())),
                    w.getString("justification"), Instant.parse(w.getString("grantedAt")),
                    Instant.parse(w.getString("expiresAt"))));
            evaluations.add(new GateEvaluation(new GateId(gate.getString("gate")), result, waiver));
        }
        return evaluations;
    }

    // ---- plumbing

    private interface Write {
        void on(Connection connection) throws SQLException;
    }

    private void write(Write write) {
        try {
            write.on(Jdbc.enlisted(em.unwrap(Connection.class)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append to the lifecycle log", e);
        }
    }

    private <T> List<T> read(String sql, ReleaseId release, Jdbc.Row<T> row) {
        try (Connection c = dataSource.getConnection()) {
            return Jdbc.list(c, sql, row, release.value());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the lifecycle log", e);
        }
    }

    private static Array roles(Connection c, Participant participant) throws SQLException {
        return c.createArrayOf("text", participant.roles().stream().map(Role::name).sorted().toArray());
    }

    private static Participant participant(String name, Array roles) throws SQLException {
        Set<Role> set = Arrays.stream((String[]) roles.getArray()).map(Role::valueOf).collect(Collectors.toSet());
        return new Participant(name, set);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        Timestamp timestamp = r.getTimestamp(column);
        return timestamp.toInstant();
    }

}
