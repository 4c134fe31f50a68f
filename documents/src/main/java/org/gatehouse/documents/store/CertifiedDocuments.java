package org.gatehouse.documents.store;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.gatehouse.workflow.api.ReleaseId;
import org.gatehouse.workflow.release.ReleaseDocuments;

/**
 * The release certificate's documents (7.8.4, C.3): the latest version of each kind and language
 * generated for the release, as its HTML and its PDF with their SHA-256. Earlier versions stay in
 * the store and in the signed decisions; the certificate names what was current when it was released.
 */
@ApplicationScoped
public class CertifiedDocuments implements ReleaseDocuments {
    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    @Override
    public List<Document> of(ReleaseId release) {
        try (Connection c = dataSource.getConnection()) {
            Map<String, DocumentVersion> latest = new TreeMap<>();
            for (DocumentVersion version : DocumentStore.ofRelease(c, release)) {
                latest.merge(version.kind().slug() + "." + version.language().tag(), version,
                        (a, b) -> a.version() >= b.version() ? a : b);
            }
            List<Document> documents = new ArrayList<>();
            latest.forEach((name, d) -> {
                String classification = d.classification().name().toLowerCase(Locale.ROOT);
                documents.add(new Document(name + ".html", "v" + d.version(), d.htmlSha256(), classification));
                documents.add(new Document(name + ".pdf", "v" + d.version(), d.pdfSha256(), classification));
            });
            return documents;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the release's documents", e);
        }
    }
}
