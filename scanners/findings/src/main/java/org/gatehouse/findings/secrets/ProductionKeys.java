package org.gatehouse.findings.secrets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.identity.secondfactor.SecretBox;
import org.gatehouse.platform.id.Uuid7;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.scanner.core.secrets.KeyFingerprints;
import org.gatehouse.scanner.core.secrets.KnownKeys;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.project.Projects;

/**
 * The register of a project's production keys (8.5.2, C.2; ADR 0022): project owners register a PEM
 * public key or certificate (kept as the SHA-256 of its public key) or a secret submitted once (kept as
 * its keyed hash and length); owners, auditors and security administrators read the register; owners
 * remove entries. Neither a key nor a secret is stored, logged, audited or answered.
 */
@ApplicationScoped
@Transactional
public class ProductionKeys {
    static final int MAX_PER_PROJECT = 500;
    static final int MIN_SECRET_BYTES = 8;
    static final int MAX_SECRET_BYTES = 4096;
    private static final String COLUMNS = "SELECT id, project_key, label, kind, fingerprint, secret_length, registered_by,"
            + " registered_at FROM production_key";

    @Inject
    Projects projects;

    @Inject
    AuditTrail audit;

    @Inject
    SecretBox secretBox;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @jakarta.annotation.Resource(lookup = "java:app/jdbc/gatehouse")
    javax.sql.DataSource dataSource;

    /** Registers a key (a PEM public key or certificate) or a secret: exactly one of the two. */
    public RegisteredKey register(Actor actor, String key, String label, Optional<String> pem, Optional<String> secret) {
        ProjectKey project = projects.get(actor, Permission.ENVIRONMENT_ADMIN, key).key();
        String name = Optional.ofNullable(label).map(String::strip).orElse("");
        if (name.isEmpty() || name.length() > 200) {
            throw new ProductionKeyRefused("production-key.label-invalid");
        }
        if (pem.isPresent() == secret.isPresent()) {
            throw new ProductionKeyRefused("production-key.one-of");
        }
        RegisteredKey.Kind kind;
        String fingerprint;
        Optional<Integer> length = Optional.empty();
        if (pem.isPresent()) {
            String text = pem.get();
            if (text.contains("PRIVATE KEY-----")) {
                throw new ProductionKeyRefused("production-key.private-key");
            }
            fingerprint = KeyFingerprints.ofPublicPem(text)
                    .orElseThrow(() -> new ProductionKeyRefused("production-key.pem-unreadable"));
            kind = text.contains("-----BEGIN CERTIFICATE-----") ? RegisteredKey.Kind.CERTIFICATE : RegisteredKey.Kind.PUBLIC_KEY;
        } else {
            byte[] bytes = secret.get().getBytes(StandardCharsets.UTF_8);
            if (bytes.length < MIN_SECRET_BYTES || bytes.length > MAX_SECRET_BYTES) {
                throw new ProductionKeyRefused("production-key.secret-length", MIN_SECRET_BYTES, MAX_SECRET_BYTES);
            }
            fingerprint = hash(project).of(bytes);
            java.util.Arrays.fill(bytes, (byte) 0);
            kind = RegisteredKey.Kind.SECRET;
            length = Optional.of(bytes.length);
        }
        try {
            Connection c = connection();
            Jdbc.first(c, "SELECT 1 FROM project WHERE project_key = ? FOR UPDATE", r -> 1, project.value());
            Optional<String> existing = Jdbc.first(c, "SELECT label FROM production_key WHERE project_key = ? AND"
                    + " fingerprint = ?", r -> r.getString(1), project.value(), fingerprint);
            if (existing.isPresent()) {
                throw new ProductionKeyDuplicate(existing.get());
            }
            if (Jdbc.first(c, "SELECT count(*) FROM production_key WHERE project_key = ?", r -> r.getLong(1),
                    project.value()).orElse(0L) >= MAX_PER_PROJECT) {
                throw new ProductionKeyRefused("production-key.too-many", MAX_PER_PROJECT);
            }
            Instant now = clock.instant();
            RegisteredKey registered = new RegisteredKey(Uuid7.next(clock), project.value(), name, kind, fingerprint,
                    length, actor.name(), now);
            Jdbc.update(c, "INSERT INTO production_key (id, project_key, label, kind, fingerprint, secret_length,"
                    + " registered_by, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", registered.id(), project.value(), name,
                    kind.name(), fingerprint, length.orElse(null), actor.name(), now.atOffset(ZoneOffset.UTC));
            // the audit names the entry, never the key material or the secret's hash
            audit.record(actor, AuditEntry.success("production-key.registered", "production-key:" + registered.id(),
                    "project " + project + ": " + kind + " \"" + name + "\""));
            return registered;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot register the key", e);
        }
    }

    @Transactional
    public List<RegisteredKey> list(Actor actor, String key) {
        ProjectKey project = projects.get(actor, Permission.ENVIRONMENT_READ, key).key();
        return of(project);
    }

    public void remove(Actor actor, String key, String id) {
        ProjectKey project = projects.get(actor, Permission.ENVIRONMENT_ADMIN, key).key();
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ProductionKeyNotFound(id);
        }
        try {
            Connection c = connection();
            RegisteredKey current = Jdbc.first(c, COLUMNS + " WHERE project_key = ? AND id = ? FOR UPDATE",
                    ProductionKeys::row, project.value(), uuid).orElseThrow(() -> new ProductionKeyNotFound(id));
            Jdbc.update(c, "DELETE FROM production_key WHERE id = ?", uuid);
            audit.record(actor, AuditEntry.success("production-key.removed", "production-key:" + uuid,
                    "project " + project + ": " + current.kind() + " \"" + current.label() + "\""));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remove the key", e);
        }
    }

    /** The register as the secrets check sees it (the caller authorised the check). */
    @Transactional
    public KnownKeys known(ProjectKey project) {
        List<RegisteredKey> register = of(project);
        boolean secrets = register.stream().anyMatch(k -> k.kind() == RegisteredKey.Kind.SECRET);
        return new RegisteredKeys(register, secrets ? hash(project) : null);
    }

    private List<RegisteredKey> of(ProjectKey project) {
        try {
            try (Connection c = dataSource.getConnection()) {
                return Jdbc.list(c, COLUMNS + " WHERE project_key = ? ORDER BY registered_at, id", ProductionKeys::row,
                        project.value());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the register", e);
        }
    }

    private SecretHash hash(ProjectKey project) {
        if (!secretBox.isConfigured()) {
            throw new ProductionKeyRefused("production-key.no-platform-key");
        }
        return new SecretHash(secretBox.derive(SecretHash.purpose(project.value())));
    }

    private Connection connection() {
        return Jdbc.enlisted(em.unwrap(Connection.class));
    }

    static RegisteredKey row(ResultSet r) throws SQLException {
        int length = r.getInt(6);
        Optional<Integer> secretLength = r.wasNull() ? Optional.empty() : Optional.of(length);
        return new RegisteredKey(r.getObject(1, UUID.class), r.getString(2), r.getString(3),
                RegisteredKey.Kind.valueOf(r.getString(4)), r.getString(5), secretLength, r.getString(7),
                r.getTimestamp(8).toInstant());
    }
}
