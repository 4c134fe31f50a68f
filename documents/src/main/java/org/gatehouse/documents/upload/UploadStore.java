package org.gatehouse.documents.upload;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.documents.Classification;
import org.gatehouse.identity.access.Role;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.workflow.api.ProjectKey;

/** The SQL of uploaded documents (V25): parameterised statements on the caller's connection. */
final class UploadStore {
    private static final String DOCUMENT = "SELECT d.id, d.project_key, d.title, d.category, d.classification,"
            + " d.distribution, d.archived_at, d.archived_by, d.created_by, d.created_at,"
            + " (SELECT max(v.version) FROM uploaded_document_version v WHERE v.document_id = d.id)"
            + " FROM uploaded_document d";
    private static final String VERSION = "SELECT document_id, version, file_name, size_bytes, sha256, key_id IS NOT NULL,"
            + " change_note, security_impact, uploaded_by, uploaded_at FROM uploaded_document_version";

    /** Stored content and the key it is sealed with (none: stored as is). */
    record Stored(byte[] content, Optional<String> keyId) {
    }

    private UploadStore() {
    }

    static boolean projectExists(Connection c, ProjectKey project) throws SQLException {
        return Jdbc.first(c, "SELECT 1 FROM project WHERE project_key = ?", row -> 1, project.value()).isPresent();
    }

    /** Serialises the uploads of a project (the quota check and the version numbers). */
    static void lock(Connection c, ProjectKey project) throws SQLException {
        Jdbc.first(c, "SELECT pg_advisory_xact_lock(hashtext('uploaded_document:' || ?))", row -> 1, project.value());
    }

    static long usedBytes(Connection c, ProjectKey project) throws SQLException {
        return Jdbc.first(c, "SELECT COALESCE(sum(v.size_bytes), 0) FROM uploaded_document_version v"
                + " JOIN uploaded_document d ON d.id = v.document_id WHERE d.project_key = ?", row -> row.getLong(1),
                project.value()).orElse(0L);
    }

    static boolean insertDocument(Connection c, UploadedDocument d) throws SQLException {
        Array roles = c.createArrayOf("text", d.distribution().stream().map(Role::name).toArray());
        return Jdbc.update(c, "INSERT INTO uploaded_document (id, project_key, title, category, classification, distribution,"
                + " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (project_key, lower(title)) DO NOTHING",
                d.id(), d.project().value(), d.title(), d.category().name(), d.classification().name(), roles, d.createdBy(),
                utc(d.createdAt())) == 1;
    }

    static void insertVersion(Connection c, UploadedDocument.Version v, byte[] content, Optional<String> keyId)
            throws SQLException {
        Jdbc.update(c, "INSERT INTO uploaded_document_version (document_id, version, file_name, size_bytes, sha256, content,"
                + " key_id, change_note, security_impact, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                v.document(), v.version(), v.fileName(), v.size(), v.sha256(), content, keyId.orElse(null), v.changeNote(),
                v.securityImpact(), v.uploadedBy(), utc(v.uploadedAt()));
    }

    static Optional<UploadedDocument> find(Connection c, UUID id, boolean lock) throws SQLException {
        return Jdbc.first(c, DOCUMENT + " WHERE d.id = ?" + (lock ? " FOR UPDATE OF d" : ""), UploadStore::document, id);
    }

    static List<UploadedDocument> ofProject(Connection c, ProjectKey project) throws SQLException {
        return Jdbc.list(c, DOCUMENT + " WHERE d.project_key = ? ORDER BY d.archived_at IS NOT NULL, d.category, lower(d.title)"
                + " LIMIT 1000", UploadStore::document, project.value());
    }

    static List<UploadedDocument.Version> versions(Connection c, UUID document) throws SQLException {
        return Jdbc.list(c, VERSION + " WHERE document_id = ? ORDER BY version DESC", UploadStore::version, document);
    }

    static Optional<Stored> content(Connection c, UUID document, int version) throws SQLException {
        return Jdbc.first(c, "SELECT content, key_id FROM uploaded_document_version WHERE document_id = ? AND version = ?",
                row -> new Stored(row.getBytes(1), Optional.ofNullable(row.getString(2))), document, version);
    }

    static void archive(Connection c, UUID document, String by, Instant at) throws SQLException {
        Jdbc.update(c, "UPDATE uploaded_document SET archived_at = ?, archived_by = ? WHERE id = ? AND archived_at IS NULL",
                utc(at), by, document);
    }

    /** Versions sealed under another key than {@code activeKey}, a batch at a time, locked. */
    static List<UploadedDocument.Version> sealedUnder(Connection c, String activeKey, int limit) throws SQLException {
        return Jdbc.list(c, VERSION + " WHERE key_id IS NOT NULL AND key_id <> ? ORDER BY document_id, version LIMIT ?"
                + " FOR UPDATE SKIP LOCKED", UploadStore::version, activeKey, limit);
    }

    static void reseal(Connection c, UUID document, int version, byte[] content, String keyId) throws SQLException {
        Jdbc.update(c, "UPDATE uploaded_document_version SET content = ?, key_id = ? WHERE document_id = ? AND version = ?",
                content, keyId, document, version);
    }

    private static UploadedDocument document(ResultSet row) throws SQLException {
        String[] roles = (String[]) row.getArray(6).getArray();
        return new UploadedDocument(row.getObject(1, UUID.class), new ProjectKey(row.getString(2)), row.getString(3),
                UploadedDocument.Category.valueOf(row.getString(4)), Classification.valueOf(row.getString(5)),
                Arrays.stream(roles).map(Role::valueOf).toList(), instant(row, 7), Optional.ofNullable(row.getString(8)),
                row.getString(9), row.getObject(10, OffsetDateTime.class).toInstant(), row.getInt(11));
    }

    private static UploadedDocument.Version version(ResultSet row) throws SQLException {
        return new UploadedDocument.Version(row.getObject(1, UUID.class), row.getInt(2), row.getString(3), row.getLong(4),
                row.getString(5), row.getBoolean(6), row.getString(7), row.getString(8), row.getString(9),
                row.getObject(10, OffsetDateTime.class).toInstant());
    }

    private static Optional<Instant> instant(ResultSet row, int column) throws SQLException {
        return Optional.ofNullable(row.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
