package org.gatehouse.documents.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.documents.Classification;
import org.gatehouse.documents.DocumentKeys;
import org.gatehouse.documents.DocumentKind;
import org.gatehouse.documents.DocumentLanguage;
import org.gatehouse.documents.generation.DocumentFont;
import org.gatehouse.documents.generation.DocumentSources;
import org.gatehouse.documents.generation.HtmlRenderer;
import org.gatehouse.documents.generation.PdfRenderer;
import org.gatehouse.identity.access.AccessDenied;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.platform.id.Uuid7;
import org.gatehouse.workflow.release.Release;
import org.gatehouse.workflow.release.Releases;
import org.gatehouse.workflow.signing.DecisionSignatures;
import org.gatehouse.platform.sql.Jdbc;

/**
 * Transaction boundary of the generated documents (B.1.3.1-ib..ih, C.3). Generating needs
 * RELEASE_ADVANCE in the release's project (AUDIT_CONCLUDE for the Security Audit Report); an
 * unchanged document (same HTML digest and classification) answers the latest version instead of
 * adding one. Reading needs DOCUMENT_READ in the project <em>and</em> one of the roles of the
 * document's distribution scope; every read of a document is audited, every refusal too.
 */
@ApplicationScoped
@Transactional
public class Documents {
    @Inject
    Releases releases;

    @Inject
    DocumentSources sources;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    DecisionSignatures signatures;

    @Inject
    DocumentKeys keys;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    /** A generation's answer: the version, and whether it was created now. */
    public record Generated(DocumentVersion document, boolean created) {
    }

    /** What a reader downloads. */
    public record Content(DocumentVersion document, byte[] bytes) {
    }

    public Generated generate(Actor actor, String releaseId, String kindText, Optional<String> languageText,
            Optional<String> classificationText, String changeNote) {
        DocumentKind kind = DocumentKind.parse(kindText).orElseThrow(() -> new InvalidDocumentRequest(
                "document.unknown-kind", clip(kindText)));
        DocumentLanguage language = languageText.map(l -> DocumentLanguage.parse(l).orElseThrow(
                () -> new InvalidDocumentRequest("document.unknown-language", clip(l)))).orElse(DocumentLanguage.ZH_CN);
        Classification classification = classificationText.map(c -> Classification.parse(c).orElseThrow(
                () -> new InvalidDocumentRequest("document.unknown-classification", clip(c))))
                .orElse(kind.defaultClassification());
        if (changeNote == null || changeNote.isBlank() || changeNote.length() > 2000) {
            throw new InvalidDocumentRequest("document.change-note-required");
        }
        Release release = releases.get(actor, releaseId);
        Permission needed = kind == DocumentKind.SECURITY_AUDIT_REPORT ? Permission.AUDIT_CONCLUDE : Permission.RELEASE_ADVANCE;
        if (!actor.may(needed, release.project())) {
            throw new AccessDenied(needed);
        }
        String html = HtmlRenderer.render(kind, language, classification, sources.read(actor, releaseId));
        byte[] htmlBytes = html.getBytes(StandardCharsets.UTF_8);
        String htmlSha256 = sha256(htmlBytes);
        return jdbc(c -> {
            DocumentStore.lock(c, release.id(), kind, language);
            Optional<DocumentVersion> latest = DocumentStore.latest(c, release.id(), kind, language);
            if (latest.isPresent() && latest.get().htmlSha256().equals(htmlSha256)
                    && latest.get().classification() == classification) {
                return new Generated(latest.get(), false);
            }
            Path font = DocumentFont.locate().orElseThrow(() -> new IllegalStateException(
                    "no CJK font for the PDF: the bundled Noto Sans SC is missing and GATEHOUSE_DOCUMENTS_FONT names no readable file"));
            byte[] pdf = PdfRenderer.render(html, font, kind.title(language));
            DocumentVersion created = new DocumentVersion(Uuid7.next(clock), release.id(), release.project(), kind,
                    language, latest.map(DocumentVersion::version).orElse(0) + 1, classification,
                    List.copyOf(classification.defaultScope()), changeNote.strip(), htmlSha256, htmlBytes.length,
                    sha256(pdf), pdf.length, actor.name(), clock.instant());
            // C.3, 7.8.6-ei: confidential and secret renderings are sealed at rest, bound to the version and digest
            if (classification == Classification.CONFIDENTIAL || classification == Classification.SECRET) {
                DocumentStore.insert(c, created, keys.seal(htmlBytes, context(created, false)),
                        keys.seal(pdf, context(created, true)), Optional.of(keys.activeId()));
            } else {
                DocumentStore.insert(c, created, htmlBytes, pdf, Optional.empty());
            }
            // 7.4.2: the version is issued by a signed, time-stamped decision over both renderings'
            // digests, stored with it; the release certificate lists the decision and the digests
            String subject = "document:" + kind.slug() + ":" + language.tag() + ":v" + created.version();
            signatures.store(c, release.id(), subject, actor.name(), created.generatedAt(), signatures.sign(release.id(),
                    subject, "issue html sha256:" + htmlSha256 + " pdf sha256:" + created.pdfSha256() + " classification "
                    + classification.name(), actor.name(), created.generatedAt(), Optional.of(created.changeNote())));
            audit.record(actor, AuditEntry.success("document.generated", "document:" + created.id(), kind.slug() + " "
                    + language.tag() + " v" + created.version() + " (" + classification.name() + "): " + created.changeNote()));
            return new Generated(created, true);
        });
    }

    /** Every version of the release's documents the actor may read (DOCUMENT_READ in the project). */
    public List<DocumentVersion> list(Actor actor, String releaseId) {
        Release release = releases.get(actor, releaseId);
        if (!actor.may(Permission.DOCUMENT_READ, release.project())) {
            throw new AccessDenied(Permission.DOCUMENT_READ);
        }
        return jdbc(c -> DocumentStore.ofRelease(c, release.id())).stream().filter(d -> mayRead(actor, d)).toList();
    }

    /** A document's metadata; the read is audited. */
    public DocumentVersion get(Actor actor, String documentId) {
        DocumentVersion document = readable(actor, documentId);
        audited(actor, document, "metadata");
        return document;
    }

    /** A document's HTML or PDF; the download is audited. */
    public Content content(Actor actor, String documentId, boolean pdf) {
        DocumentVersion document = readable(actor, documentId);
        DocumentStore.Stored stored = jdbc(c -> DocumentStore.content(c, document.id(), pdf));
        byte[] bytes = stored.keyId().map(k -> keys.open(k, stored.bytes(), context(document, pdf))).orElse(stored.bytes());
        audited(actor, document, pdf ? "pdf" : "html");
        return new Content(document, bytes);
    }

    /** The associated data binding a sealed rendering to its version and its plaintext digest. */
    private static String context(DocumentVersion d, boolean pdf) {
        return "document:" + d.id() + ":" + (pdf ? "pdf:" + d.pdfSha256() : "html:" + d.htmlSha256());
    }

    /** C.3: DOCUMENT_READ in the project and a role of the document's distribution scope. */
    static boolean mayRead(Actor actor, DocumentVersion document) {
        return actor.may(Permission.DOCUMENT_READ, document.project())
                && actor.rolesIn(document.project()).stream().anyMatch(document.distribution()::contains);
    }

    private DocumentVersion readable(Actor actor, String documentId) {
        UUID id;
        try {
            id = UUID.fromString(documentId);
        } catch (IllegalArgumentException e) {
            throw new DocumentNotFound(documentId);
        }
        DocumentVersion document = jdbc(c -> DocumentStore.find(c, id)).orElseThrow(() -> new DocumentNotFound(documentId));
        if (!mayRead(actor, document)) {
            throw new AccessDenied(Permission.DOCUMENT_READ);
        }
        return document;
    }

    private void audited(Actor actor, DocumentVersion document, String format) {
        audit.record(actor, AuditEntry.success("document.read", "document:" + document.id(), format + " of "
                + document.kind().slug() + " " + document.language().tag() + " v" + document.version() + " ("
                + document.classification().name() + ") of release " + document.release().value()));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clip(String text) {
        String value = String.valueOf(text);
        return value.length() > 60 ? value.substring(0, 60) : value;
    }

    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private <T> T jdbc(Work<T> work) {
        try {
            return work.on(Jdbc.enlisted(em.unwrap(Connection.class)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot use the document store", e);
        }
    }
}
