package org.gatehouse.web.document;

import java.time.Instant;
import java.util.List;
import org.gatehouse.documents.store.DocumentVersion;

/** A document version as the API shows it (never its bytes). */
public record DocumentView(String id, String releaseId, String kind, String title, String language, int version,
        String classification, List<String> distribution, String changeNote, String htmlSha256, long htmlBytes,
        String pdfSha256, long pdfBytes, String generatedBy, Instant generatedAt, boolean created) {

    static DocumentView of(DocumentVersion d, boolean created) {
        return new DocumentView(d.id().toString(), d.release().value().toString(), d.kind().slug(),
                d.kind().title(d.language()), d.language().tag(), d.version(),
                d.classification().name().toLowerCase(java.util.Locale.ROOT),
                d.distribution().stream().map(Enum::name).toList(), d.changeNote(), d.htmlSha256(), d.htmlBytes(),
                d.pdfSha256(), d.pdfBytes(), d.generatedBy(), d.generatedAt(), created);
    }
}
