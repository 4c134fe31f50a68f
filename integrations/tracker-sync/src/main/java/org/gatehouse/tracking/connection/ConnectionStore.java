package org.gatehouse.tracking.connection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.workflow.api.ProjectKey;

/** SQL of {@code tracker_connection} (V17). */
final class ConnectionStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, project_key, tracker, base_url, container, options, language, auth_kind,"
            + " auth_user, credential_sealed, webhook_secret_sealed, updated_at, updated_by, reconciled_until, last_error,"
            + " last_error_at";

    private ConnectionStore() {
    }

    static Optional<StoredConnection> byProject(Connection c, ProjectKey project) throws SQLException {
        return Jdbc.first(c, "SELECT " + COLUMNS + " FROM tracker_connection WHERE project_key = ?", ConnectionStore::row,
                project.value());
    }

    static Optional<StoredConnection> byId(Connection c, ConnectionId id) throws SQLException {
        return Jdbc.first(c, "SELECT " + COLUMNS + " FROM tracker_connection WHERE id = ?", ConnectionStore::row, id.value());
    }

    static List<StoredConnection> all(Connection c) throws SQLException {
        return Jdbc.list(c, "SELECT " + COLUMNS + " FROM tracker_connection ORDER BY project_key", ConnectionStore::row);
    }

    static void insert(Connection c, StoredConnection s, OffsetDateTime now) throws SQLException {
        Jdbc.update(c, "INSERT INTO tracker_connection (id, project_key, tracker, base_url, container, options, language,"
                + " auth_kind, auth_user, credential_sealed, webhook_secret_sealed, created_at, updated_at, updated_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s.id().value(), s.project().value(), s.tracker(),
                s.baseUrl().toString(), s.container(), options(s.options()), s.language().tag(), s.authKind(),
                s.authUser().orElse(null), s.credentialSealed(), s.webhookSecretSealed(), now, now, s.updatedBy());
    }

    static void update(Connection c, StoredConnection s) throws SQLException {
        Jdbc.update(c, "UPDATE tracker_connection SET tracker = ?, base_url = ?, container = ?, options = ?, language = ?,"
                + " auth_kind = ?, auth_user = ?, credential_sealed = ?, webhook_secret_sealed = ?, updated_at = ?,"
                + " updated_by = ?, last_error = NULL, last_error_at = NULL WHERE id = ?", s.tracker(), s.baseUrl().toString(),
                s.container(), options(s.options()), s.language().tag(), s.authKind(), s.authUser().orElse(null),
                s.credentialSealed(), s.webhookSecretSealed(), s.updatedAt(), s.updatedBy(), s.id().value());
    }

    static int delete(Connection c, ProjectKey project) throws SQLException {
        return Jdbc.update(c, "DELETE FROM tracker_connection WHERE project_key = ?", project.value());
    }

    static void error(Connection c, ConnectionId id, Optional<String> error, OffsetDateTime now) throws SQLException {
        Jdbc.update(c, "UPDATE tracker_connection SET last_error = ?, last_error_at = ? WHERE id = ?",
                error.map(e -> e.length() > 1000 ? e.substring(0, 1000) : e).orElse(null), error.isPresent() ? now : null,
                id.value());
    }

    static void reconciled(Connection c, ConnectionId id, OffsetDateTime until) throws SQLException {
        Jdbc.update(c, "UPDATE tracker_connection SET reconciled_until = ? WHERE id = ?", until, id.value());
    }

    private static String options(Map<String, String> options) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(options));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StoredConnection row(ResultSet r) throws SQLException {
        Map<String, String> options;
        try {
            options = JSON.readValue(r.getString("options"), new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable tracker options", e);
        }
        return new StoredConnection(new ConnectionId(r.getObject("id", UUID.class)), new ProjectKey(r.getString("project_key")),
                r.getString("tracker"), URI.create(r.getString("base_url")), r.getString("container"), options,
                TrackerLanguage.parse(r.getString("language")).orElse(TrackerLanguage.EN), r.getString("auth_kind"),
                Optional.ofNullable(r.getString("auth_user")), r.getBytes("credential_sealed"),
                r.getBytes("webhook_secret_sealed"), r.getObject("updated_at", OffsetDateTime.class), r.getString("updated_by"),
                Optional.ofNullable(r.getObject("reconciled_until", OffsetDateTime.class)),
                Optional.ofNullable(r.getString("last_error")),
                Optional.ofNullable(r.getObject("last_error_at", OffsetDateTime.class)));
    }
}
