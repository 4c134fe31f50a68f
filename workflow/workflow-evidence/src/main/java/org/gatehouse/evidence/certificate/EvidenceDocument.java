package org.gatehouse.evidence.certificate;

import java.util.Objects;
import org.gatehouse.evidence.Sha256;

/** A document the release rests on (threat model, test report, …) by kind, version, SHA-256 and classification. */
public record EvidenceDocument(String kind, String version, Sha256 sha256, String classification) {
    public EvidenceDocument {
        Fields.text(kind, "document kind");
        Fields.text(version, "document version");
        Objects.requireNonNull(sha256, "sha256");
        Fields.text(classification, "classification");
    }
}
