package org.gatehouse.workflow.release;

import java.util.List;
import org.gatehouse.workflow.api.ReleaseId;

/**
 * The generated documents a release rests on (B.1.3.1-ib..ih, C.3): the latest version of each,
 * contributed by the documents module (a CDI bean); the release certificate lists their digests, so
 * the certificate names the exact bytes that were reviewed and distributed (7.8.4).
 */
public interface ReleaseDocuments {

    /**
     * One rendering of a document version: {@code name} such as {@code security-audit-report.zh-CN.pdf},
     * {@code version} such as {@code v3}, its SHA-256 (lower-case hex) and classification (lower case).
     */
    record Document(String name, String version, String sha256, String classification) {
    }

    List<Document> of(ReleaseId release);
}
