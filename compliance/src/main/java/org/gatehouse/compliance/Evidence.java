package org.gatehouse.compliance;

import java.util.Optional;

/**
 * What a clause's status rests on: a gate's result on a release, a signed document version, a register
 * entry, the audit chain, a count or a setting. {@code reference} is the thing's own id (gate id,
 * document id, …); {@code release} and {@code document} let the UI link to the release board and the
 * document.
 */
public record Evidence(Kind kind, String reference, Text summary, Optional<String> release, Optional<String> document) {
    public enum Kind {
        GATE, DOCUMENT, SIGNATURE, CERTIFICATE, REGISTER, AUDIT_CHAIN, RELEASE, COUNT, SETTING
    }

    public Evidence {
        if (kind == null || reference == null || summary == null) {
            throw new IllegalArgumentException("evidence needs a kind, a reference and a summary");
        }
        release = release == null ? Optional.empty() : release;
        document = document == null ? Optional.empty() : document;
    }

    public static Evidence of(Kind kind, String reference, Text summary) {
        return new Evidence(kind, reference, summary, Optional.empty(), Optional.empty());
    }

    public static Evidence onRelease(Kind kind, String reference, Text summary, String release) {
        return new Evidence(kind, reference, summary, Optional.of(release), Optional.empty());
    }

    public static Evidence document(String documentId, Text summary, String release) {
        return new Evidence(Kind.DOCUMENT, documentId, summary, Optional.of(release), Optional.of(documentId));
    }
}
