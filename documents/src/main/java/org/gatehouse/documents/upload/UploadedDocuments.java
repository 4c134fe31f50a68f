package org.gatehouse.documents.upload;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gatehouse.documents.Classification;
import org.gatehouse.documents.DocumentKeys;
import org.gatehouse.documents.store.DocumentNotFound;
import org.gatehouse.documents.store.InvalidDocumentRequest;
import org.gatehouse.identity.access.AccessDenied;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.access.Role;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.identity.outbox.EventType;
import org.gatehouse.identity.outbox.Outbox;
import org.gatehouse.identity.outbox.OutboxEvent;
import org.gatehouse.platform.id.Uuid7;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.project.ProjectNotFound;
import org.gatehouse.platform.sql.Jdbc;

/**
 * Transaction boundary of uploaded documents (C.3, 7.8.6-ef..ej; ADR 0024). Uploading a document or a new version
 * needs DOCUMENT_WRITE in the project, a change note and a security-impact note; the scope can only narrow the
 * classification's default roles. Confidential and secret versions are encrypted at rest ({@link DocumentKeys}).
 * Every project has a storage quota; crossing {@link #WARN_PERCENT} % tells its owners (outbox event
 * {@code documents.quota-warning}) and an upload past the quota is refused whole. Reading needs DOCUMENT_READ and a
 * role of the document's scope; every read is audited, every refusal too (the access log of C.3).
 */
@ApplicationScoped
@Transactional
public class UploadedDocuments {
    /** Owners are told when a project's documents pass this share of its quota. */
    public static final int WARN_PERCENT = 80;
    private static final int MAX_TEXT = 2000;

    @Inject
    DocumentKeys keys;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "gatehouse.documents.quota-mb", defaultValue = "512")
    long quotaMb;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    /** What a new document is. */
    public record Draft(String title, String category, String classification, Optional<Set<String>> distribution) {
    }

    /** One uploaded file with its change record (C.3). */
    public record Upload(String fileName, byte[] content, String changeNote, String securityImpact) {
    }

    /** A document with its versions, newest first. */
    public record Detail(UploadedDocument document, List<UploadedDocument.Version> versions) {
    }

    /** What a reader downloads. */
    public record Content(UploadedDocument document, UploadedDocument.Version version, byte[] bytes) {
    }

    /** The project's storage: used bytes and the quota. */
    public record Usage(long usedBytes, long quotaBytes) {
    }

    public Detail create(Actor actor, String projectKey, Draft draft, Upload upload) {
        ProjectKey project = writable(actor, projectKey);
        String title = text(draft.title(), 200, "document.title-required");
        UploadedDocument.Category category = parse(UploadedDocument.Category.class, draft.category(), "document.unknown-category");
        Classification classification = Classification.parse(draft.classification()).orElseThrow(
                () -> new InvalidDocumentRequest("document.unknown-classification", clip(draft.classification())));
        Set<Role> scope = classification.defaultScope();
        if (draft.distribution().isPresent()) {
            Set<Role> asked = EnumSet.noneOf(Role.class);
            for (String role : draft.distribution().get()) {
                Role parsed = parse(Role.class, role, "document.unknown-role");
                if (!scope.contains(parsed)) {
                    throw new InvalidDocumentRequest("document.scope-wider", parsed.name(), classification.name());
                }
                asked.add(parsed);
            }
            if (asked.isEmpty()) {
                throw new InvalidDocumentRequest("document.scope-empty");
            }
            scope = asked;
        }
        UploadedDocument document = new UploadedDocument(Uuid7.next(clock), project, title, category, classification,
                List.copyOf(scope), Optional.empty(), Optional.empty(), actor.name(), clock.instant(), 1);
        return jdbc(c -> {
            UploadStore.lock(c, project);
            // everything that can refuse the upload is checked before the first row is written
            Checked checked = check(c, document, 1, upload, actor);
            if (!UploadStore.insertDocument(c, document)) {
                throw new InvalidDocumentRequest("document.title-taken", title);
            }
            store(c, actor, document, checked);
            return new Detail(document, UploadStore.versions(c, document.id()));
        });
    }

    public Detail addVersion(Actor actor, String documentId, Upload upload) {
        return jdbc(c -> {
            UploadedDocument document = UploadStore.find(c, id(documentId), true)
                    .orElseThrow(() -> new DocumentNotFound(documentId));
            writable(actor, document.project().value());
            if (document.archivedAt().isPresent()) {
                throw new InvalidDocumentRequest("document.archived");
            }
            UploadStore.lock(c, document.project());
            store(c, actor, document, check(c, document, document.latestVersion() + 1, upload, actor));
            return new Detail(UploadStore.find(c, document.id(), false).orElseThrow(), UploadStore.versions(c, document.id()));
        });
    }

    /** The project's documents the actor may read (others are not listed), and the project's storage use. */
    public List<UploadedDocument> list(Actor actor, String projectKey) {
        ProjectKey project = key(projectKey);
        if (!actor.may(Permission.DOCUMENT_READ, project)) {
            throw new AccessDenied(Permission.DOCUMENT_READ);
        }
        return jdbc(c -> UploadStore.ofProject(c, project)).stream().filter(d -> d.readableBy(actor)).toList();
    }

    public Usage usage(Actor actor, String projectKey) {
        ProjectKey project = key(projectKey);
        if (!actor.may(Permission.DOCUMENT_READ, project)) {
            throw new AccessDenied(Permission.DOCUMENT_READ);
        }
        return new Usage(jdbc(c -> UploadStore.usedBytes(c, project)), quotaBytes());
    }

    /** A document and its versions; the read is audited. */
    public Detail get(Actor actor, String documentId) {
        UploadedDocument document = readable(actor, documentId);
        audit.record(actor, AuditEntry.success("document.read", "document:" + document.id(), "metadata of "
                + document.title() + " (" + document.classification().name() + ")"));
        return new Detail(document, jdbc(c -> UploadStore.versions(c, document.id())));
    }

    /** One version's bytes, decrypted when stored encrypted; the download is audited. */
    public Content content(Actor actor, String documentId, int version) {
        UploadedDocument document = readable(actor, documentId);
        UploadedDocument.Version meta = jdbc(c -> UploadStore.versions(c, document.id())).stream()
                .filter(v -> v.version() == version).findFirst().orElseThrow(() -> new DocumentNotFound(documentId + "/" + version));
        UploadStore.Stored stored = jdbc(c -> UploadStore.content(c, document.id(), version)).orElseThrow();
        byte[] bytes = stored.keyId().map(k -> keys.open(k, stored.content(), context(meta))).orElse(stored.content());
        if (!sha256(bytes).equals(meta.sha256())) {
            throw new IllegalStateException("document " + document.id() + " v" + version + " does not match its digest");
        }
        audit.record(actor, AuditEntry.success("document.read", "document:" + document.id(), "v" + version + " of "
                + document.title() + " (" + document.classification().name() + ", " + meta.size() + " bytes)"));
        return new Content(document, meta, bytes);
    }

    /** Archives a document (C.3: filed, read-only, still readable within its scope); DOCUMENT_WRITE. */
    public Detail archive(Actor actor, String documentId) {
        return jdbc(c -> {
            UploadedDocument document = UploadStore.find(c, id(documentId), true)
                    .orElseThrow(() -> new DocumentNotFound(documentId));
            writable(actor, document.project().value());
            UploadStore.archive(c, document.id(), actor.name(), clock.instant());
            audit.record(actor, AuditEntry.success("document.archived", "document:" + document.id(), document.title()));
            return new Detail(UploadStore.find(c, document.id(), false).orElseThrow(), UploadStore.versions(c, document.id()));
        });
    }

    /**
     * Re-encrypts up to {@code limit} versions sealed under an older key with the active one (key rotation; security
     * administrators, DOCUMENT_KEYS); answers how many it re-encrypted (call again until 0). Audited.
     */
    public int reencrypt(Actor actor, int limit) {
        if (!actor.may(Permission.DOCUMENT_KEYS)) {
            throw new AccessDenied(Permission.DOCUMENT_KEYS);
        }
        String active = keys.activeId();
        int done = jdbc(c -> {
            int n = 0;
            for (UploadedDocument.Version v : UploadStore.sealedUnder(c, active, Math.max(1, Math.min(500, limit)))) {
                UploadStore.Stored stored = UploadStore.content(c, v.document(), v.version()).orElseThrow();
                byte[] plain = keys.open(stored.keyId().orElseThrow(), stored.content(), context(v));
                UploadStore.reseal(c, v.document(), v.version(), keys.seal(plain, context(v)), active);
                n++;
            }
            return n;
        });
        audit.record(actor, AuditEntry.success("document.reencrypted", "documents", done + " versions under key " + active));
        return done;
    }

    /** A version that passed every check, with the project's use before it. */
    private record Checked(UploadedDocument.Version meta, byte[] content, long usedBefore) {
    }

    private Checked check(Connection c, UploadedDocument document, int version, Upload upload, Actor actor)
            throws SQLException {
        String fileName = text(upload.fileName(), 255, "document.file-required").replaceAll("[\\p{Cntrl}/\\\\]", "_");
        String note = text(upload.changeNote(), MAX_TEXT, "document.change-note-required");
        String impact = text(upload.securityImpact(), MAX_TEXT, "document.security-impact-required");
        byte[] content = upload.content();
        if (content.length == 0) {
            throw new InvalidDocumentRequest("document.file-required");
        }
        long used = UploadStore.usedBytes(c, document.project());
        long quota = quotaBytes();
        if (used + content.length > quota) {
            throw new QuotaExceeded(document.project().value(), used, content.length, quota);
        }
        return new Checked(new UploadedDocument.Version(document.id(), version, fileName, content.length, sha256(content),
                document.encryptedAtRest(), note, impact, actor.name(), clock.instant()), content, used);
    }

    private void store(Connection c, Actor actor, UploadedDocument document, Checked checked) throws SQLException {
        UploadedDocument.Version meta = checked.meta();
        byte[] content = checked.content();
        if (document.encryptedAtRest()) {
            UploadStore.insertVersion(c, meta, keys.seal(content, context(meta)), Optional.of(keys.activeId()));
        } else {
            UploadStore.insertVersion(c, meta, content, Optional.empty());
        }
        audit.record(actor, AuditEntry.success("document.uploaded", "document:" + document.id(), document.title() + " v"
                + meta.version() + " (" + document.classification().name() + ", " + content.length + " bytes, sha256 "
                + meta.sha256() + "): " + meta.changeNote() + " — security impact: " + meta.securityImpact()));
        long quota = quotaBytes();
        long used = checked.usedBefore();
        long after = used + content.length;
        if (used * 100 < quota * WARN_PERCENT && after * 100 >= quota * WARN_PERCENT) {
            outbox.publish(OutboxEvent.of(EventType.DOCUMENTS_QUOTA_WARNING, document.project(),
                    "documents use " + after * 100 / quota + " % of the quota", Json.createObjectBuilder()
                            .add("usedBytes", after).add("quotaBytes", quota).add("percent", after * 100 / quota).build()));
        }
    }

    private long quotaBytes() {
        return Math.max(1, quotaMb) * 1024 * 1024;
    }

    private UploadedDocument readable(Actor actor, String documentId) {
        UploadedDocument document = jdbc(c -> UploadStore.find(c, id(documentId), false))
                .orElseThrow(() -> new DocumentNotFound(documentId));
        if (!document.readableBy(actor)) {
            // in a transaction of its own: the refusal that follows must not take its record with it
            audit.recordAlone(actor, AuditEntry.denied("document.read", "document:" + document.id(), "outside the distribution of "
                    + document.title() + " (" + document.classification().name() + ")"));
            throw new AccessDenied(Permission.DOCUMENT_READ);
        }
        return document;
    }

    private ProjectKey writable(Actor actor, String projectKey) {
        ProjectKey project = key(projectKey);
        if (!actor.may(Permission.DOCUMENT_WRITE, project)) {
            throw new AccessDenied(Permission.DOCUMENT_WRITE);
        }
        if (!jdbc(c -> UploadStore.projectExists(c, project))) {
            throw new ProjectNotFound(projectKey);
        }
        return project;
    }

    /** The associated data binding a sealed version to its row and content. */
    private static String context(UploadedDocument.Version v) {
        return "uploaded-document:" + v.document() + ":v" + v.version() + ":" + v.sha256();
    }

    private static ProjectKey key(String projectKey) {
        try {
            return new ProjectKey(projectKey);
        } catch (IllegalArgumentException e) {
            throw new ProjectNotFound(clip(projectKey));
        }
    }

    private static UUID id(String documentId) {
        try {
            return UUID.fromString(documentId);
        } catch (IllegalArgumentException e) {
            throw new DocumentNotFound(clip(documentId));
        }
    }

    private static String text(String value, int max, String key) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            throw new InvalidDocumentRequest(key, max);
        }
        return value.strip();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String key) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value == null ? "" : value.strip().replace('-', '_'))) {
                return constant;
            }
        }
        throw new InvalidDocumentRequest(key, clip(value));
    }

    private static String clip(String value) {
        return value == null ? "" : value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private <T> T jdbc(Work<T> work) {
        try {
            return work.on(Jdbc.enlisted(em.unwrap(Connection.class)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot use the uploaded documents", e);
        }
    }
}
