package org.gatehouse.documents.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.documents.Classification;
import org.gatehouse.documents.DocumentKind;
import org.gatehouse.documents.DocumentLanguage;
import org.gatehouse.identity.access.Role;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.api.ReleaseId;

/** The {@code document} table (V14): inserts and reads only, with bound parameters. */
final class DocumentStore {
    /** A sealed rendering is 28 bytes longer (nonce and tag); sizes are the plaintext's. */
    private static final String SEAL_OVERHEAD = "CASE WHEN key_id IS NULL THEN 0 ELSE 28 END";
    private static final String COLUMNS = "id, release_id, project_key, kind, language, version, classification,"
            + " distribution, change_note, html_sha256, octet_length(html) - " + SEAL_OVERHEAD + ", pdf_sha256,"
            + " octet_length(pdf) - " + SEAL_OVERHEAD + ", generated_by,"
            + " generated_at";

    private DocumentStore() {
    }

    /** Serialises the generations of one kind and language of a release until the transaction ends. */
    static void lock(Connection c, ReleaseId release, DocumentKind kind, DocumentLanguage language) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            s.setString(1, "document:" + release.value() + ":" + kind.name() + ":" + language.name());
            s.executeQuery().close();
        }
    }

    static Optional<DocumentVersion> latest(Connection c, ReleaseId release, DocumentKind kind, DocumentLanguage language)
            throws SQLException {
        List<DocumentVersion> found = query(c, "SELECT " + COLUMNS + " FROM document WHERE release_id = ? AND kind = ?"
                + " AND language = ? ORDER BY version DESC LIMIT 1", release.value(), kind.name(), language.name());
        return found.stream().findFirst();
    }

    static List<DocumentVersion> ofRelease(Connection c, ReleaseId release) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM document WHERE release_id = ? ORDER BY kind, language, version",
                release.value());
    }

    static Optional<DocumentVersion> find(Connection c, UUID id) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM document WHERE id = ?", id).stream().findFirst();
    }

    /** The stored HTML ({@code html}) or PDF ({@code pdf}) bytes, and the key they are sealed with (none: as is). */
    record Stored(byte[] bytes, Optional<String> keyId) {
    }

    static Stored content(Connection c, UUID id, boolean pdf) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + (pdf ? "pdf" : "html") + ", key_id FROM document WHERE id = ?")) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new DocumentNotFound(id.toString());
                }
                return new Stored(r.getBytes(1), Optional.ofNullable(r.getString(2)));
            }
        }
    }

    /** {@code html} and {@code pdf} as stored: sealed under {@code keyId} when there is one. */
    static void insert(Connection c, DocumentVersion d, byte[] html, byte[] pdf, Optional<String> keyId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO document (id, release_id, project_key, kind, language,"
                + " version, classification, distribution, change_note, html, html_sha256, pdf, pdf_sha256, generated_by,"
                + " generated_at, key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setObject(1, d.id());
            s.setObject(2, d.release().value());
            s.setString(3, d.project().value());
            s.setString(4, d.kind().name());
            s.setString(5, d.language().name());
            s.setInt(6, d.version());
            s.setString(7, d.classification().name());
            s.setArray(8, c.createArrayOf("text", d.distribution().stream().map(Enum::name).toArray()));
            s.setString(9, d.changeNote());
            s.setBytes(10, html);
            s.setString(11, d.htmlSha256());
            s.setBytes(12, pdf);
            s.setString(13, d.pdfSha256());
            s.setString(14, d.generatedBy());
            s.setObject(15, OffsetDateTime.ofInstant(d.generatedAt(), ZoneOffset.UTC));
            s.setString(16, keyId.orElse(null));
            s.executeUpdate();
        }
    }

    private static List<DocumentVersion> query(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            List<DocumentVersion> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Array roles = r.getArray(8);
                    List<Role> distribution = Arrays.stream((String[]) roles.getArray()).map(Role::valueOf).toList();
                    rows.add(new DocumentVersion(r.getObject(1, UUID.class), new ReleaseId(r.getObject(2, UUID.class)),
                            new ProjectKey(r.getString(3)), DocumentKind.valueOf(r.getString(4)),
                            DocumentLanguage.valueOf(r.getString(5)), r.getInt(6), Classification.valueOf(r.getString(7)),
                            distribution, r.getString(9), r.getString(10), r.getLong(11), r.getString(12), r.getLong(13),
                            r.getString(14), r.getObject(15, OffsetDateTime.class).toInstant()));
                }
            }
            return rows;
        }
    }
}
