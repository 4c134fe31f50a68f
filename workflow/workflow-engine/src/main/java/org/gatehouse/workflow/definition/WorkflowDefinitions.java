package org.gatehouse.workflow.definition;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.gatehouse.evidence.json.CanonicalJson;
import org.gatehouse.identity.access.AccessDenied;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.platform.sql.SqlStates;
import org.gatehouse.workflow.api.ProtectionLevel;
import org.gatehouse.workflow.lifecycle.DefaultDefinitions;
import org.gatehouse.workflow.lifecycle.DefinitionCatalog;
import org.gatehouse.workflow.lifecycle.DefinitionRef;
import org.gatehouse.workflow.lifecycle.Gate;
import org.gatehouse.workflow.lifecycle.GateId;
import org.gatehouse.workflow.lifecycle.WorkflowDefinition;

/**
 * The workflow definitions this installation knows (8.1: versioned, one default per protection level; issue 6,
 * ADR 0023): version 1 of the three built-in defaults ({@link DefaultDefinitions}) and every version a security
 * administrator published since, stored as {@link DefinitionDocument}s that never change. A release of a level
 * starts with the newest definition published for that level (the built-in one until then) and keeps that
 * version for its whole life; a version that is no longer known is a deployment error, not silently replaced.
 */
@ApplicationScoped
public class WorkflowDefinitions {
    /** Documents are small; the resource refuses bigger bodies before they are read. */
    public static final int MAX_DOCUMENT_BYTES = 64 * 1024;
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private final DefinitionCatalog builtIn = DefaultDefinitions.catalog();
    private final Map<DefinitionRef, WorkflowDefinition> published = new ConcurrentHashMap<>();

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    @Any
    Instance<Gate> gateBeans;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    private Set<GateId> knownGates = Set.of();

    /** One definition version's facts, without its document. */
    public record Summary(DefinitionRef ref, ProtectionLevel defaultFor, boolean builtIn, Optional<String> sha256,
            Optional<String> note, Optional<String> publishedBy, Optional<Instant> publishedAt, boolean current) {
    }

    @PostConstruct
    void collectGates() {
        knownGates = gateBeans.stream().map(Gate::id).collect(Collectors.toUnmodifiableSet());
    }

    /** The definition a release of that level starts with now: the newest published for it, else the built-in one. */
    public WorkflowDefinition latestFor(ProtectionLevel level) {
        return newestStored(level).map(this::get)
                .orElseGet(() -> builtIn.latestFor(level)
                        .orElseThrow(() -> new IllegalStateException("no workflow definition for " + level)));
    }

    /** A definition version a release started with. */
    public WorkflowDefinition get(DefinitionRef ref) {
        return find(ref).orElseThrow(() -> new IllegalStateException("the workflow definition " + ref + " is not deployed"));
    }

    /** A definition version, built-in or published. */
    public Optional<WorkflowDefinition> find(DefinitionRef ref) {
        Optional<WorkflowDefinition> known = builtIn.find(ref).or(() -> Optional.ofNullable(published.get(ref)));
        if (known.isPresent()) {
            return known;
        }
        Optional<WorkflowDefinition> stored = read(c -> Jdbc.first(c, "SELECT document FROM workflow_definition"
                + " WHERE id = ? AND version = ?", row -> row.getString(1), ref.id(), ref.version()))
                .map(document -> DefinitionDocument.read(ref.id(), ref.version(), DefinitionDocument.parse(document)));
        stored.ifPresent(definition -> published.put(ref, definition));
        return stored;
    }

    /** The document of a definition version (404 when unknown). */
    public JsonNode document(DefinitionRef ref) {
        return DefinitionDocument.write(find(ref).orElseThrow(() -> new DefinitionNotFound(ref)));
    }

    /** Every version, built-in ones first (by level, then version), then the published ones newest first; {@code current}
     * marks the one each level's new releases take. */
    public List<Summary> list() {
        List<Summary> stored = read(c -> Jdbc.list(c, "SELECT id, version, default_for, sha256, note, published_by,"
                + " published_at FROM workflow_definition ORDER BY published_at DESC, id, version DESC LIMIT 1000",
                row -> new Summary(new DefinitionRef(row.getString(1), row.getInt(2)), ProtectionLevel.of(row.getInt(3)),
                        false, Optional.of(row.getString(4)), Optional.of(row.getString(5)), Optional.of(row.getString(6)),
                        Optional.of(row.getObject(7, OffsetDateTime.class).toInstant()), false)));
        Map<ProtectionLevel, DefinitionRef> currents = new EnumMap<>(ProtectionLevel.class);
        List<Summary> all = new ArrayList<>();
        for (ProtectionLevel level : ProtectionLevel.values()) {
            DefinitionRef current = latestFor(level).ref();
            currents.put(level, current);
            // every built-in version: releases started under an older one still run on it
            for (int version = DefaultDefinitions.VERSION; version <= DefaultDefinitions.latestVersion(level); version++) {
                DefinitionRef ref = new DefinitionRef(DefaultDefinitions.idFor(level), version);
                all.add(new Summary(ref, level, true, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        ref.equals(current)));
            }
        }
        for (Summary summary : stored) {
            boolean current = currents.get(summary.defaultFor()).equals(summary.ref());
            all.add(new Summary(summary.ref(), summary.defaultFor(), false, summary.sha256(), summary.note(),
                    summary.publishedBy(), summary.publishedAt(), current));
        }
        return all;
    }

    /**
     * Publishes the next version of definition {@code id} (WORKFLOW_ADMIN: security administrators): the document
     * must be valid, name only gates some module provides, and keep the protection level the id already serves.
     * From now on new releases of that level start with it; releases already under way keep theirs. Audited with
     * the document's SHA-256 (over its RFC 8785 canonical form, which is what is stored).
     */
    @Transactional
    public Summary publish(Actor actor, String id, JsonNode document, String note) {
        if (!actor.may(Permission.WORKFLOW_ADMIN)) {
            throw new AccessDenied(Permission.WORKFLOW_ADMIN);
        }
        if (id == null || id.length() > 64 || !ID.matcher(id).matches()) {
            throw new InvalidPublication("definition.bad-id", String.valueOf(id));
        }
        String why = note == null ? "" : note.strip();
        if (why.isEmpty() || why.length() > 2000) {
            throw new InvalidPublication("definition.note-required", 2000);
        }
        Connection c = Jdbc.enlisted(em.unwrap(Connection.class));
        try {
            // one publisher of an id at a time: the next version is the highest known plus one
            Jdbc.first(c, "SELECT pg_advisory_xact_lock(hashtext('workflow_definition:' || ?))", row -> 1, id);
            int builtInVersion = 0;
            while (builtIn.find(new DefinitionRef(id, builtInVersion + 1)).isPresent()) {
                builtInVersion++;
            }
            int storedVersion = Jdbc.first(c, "SELECT max(version) FROM workflow_definition WHERE id = ?",
                    row -> row.getInt(1), id).orElse(0);
            DefinitionRef ref = new DefinitionRef(id, Math.max(builtInVersion, storedVersion) + 1);
            WorkflowDefinition definition = DefinitionDocument.read(id, ref.version(), document);
            Optional<Integer> level = builtIn.find(new DefinitionRef(id, DefaultDefinitions.VERSION))
                    .map(d -> d.defaultFor().number())
                    .or(() -> sql(() -> Jdbc.first(c, "SELECT default_for FROM workflow_definition WHERE id = ? LIMIT 1",
                            row -> row.getInt(1), id)));
            if (level.isPresent() && level.get() != definition.defaultFor().number()) {
                throw new InvalidPublication("definition.level-changed", id, level.get());
            }
            List<String> missing = definition.gates().stream().filter(g -> !knownGates.contains(g))
                    .map(GateId::value).sorted().toList();
            if (!missing.isEmpty()) {
                throw new InvalidPublication("definition.unknown-gates", String.join(", ", missing));
            }
            byte[] canonical = CanonicalJson.write(DefinitionDocument.write(definition));
            String sha256 = HexFormat.of().formatHex(sha256(canonical));
            Instant now = clock.instant();
            Jdbc.update(c, "INSERT INTO workflow_definition (id, version, default_for, document, sha256, note, published_by,"
                    + " published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, ref.version(), definition.defaultFor().number(),
                    new String(canonical, StandardCharsets.UTF_8), sha256, why, actor.name(),
                    OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            audit.record(actor, AuditEntry.success("workflow.definition-published", "workflow-definition:" + ref,
                    "level " + definition.defaultFor().number() + ", sha256 " + sha256 + ": " + why));
            published.put(ref, definition);
            return new Summary(ref, definition.defaultFor(), false, Optional.of(sha256), Optional.of(why),
                    Optional.of(actor.name()), Optional.of(now), true);
        } catch (SQLException e) {
            if (SqlStates.isUniqueViolation(e)) {
                throw new InvalidPublication("definition.concurrent", id);
            }
            throw new IllegalStateException("cannot publish the workflow definition " + id, e);
        }
    }

    private Optional<DefinitionRef> newestStored(ProtectionLevel level) {
        return read(c -> Jdbc.first(c, "SELECT id, version FROM workflow_definition WHERE default_for = ?"
                + " ORDER BY published_at DESC, version DESC LIMIT 1",
                row -> new DefinitionRef(row.getString(1), row.getInt(2)), level.number()));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    interface Query<T> {
        T run() throws SQLException;
    }

    private static <T> T sql(Query<T> query) {
        try {
            return query.run();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the workflow definitions", e);
        }
    }

    private <T> T read(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.on(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the workflow definitions", e);
        }
    }
}
