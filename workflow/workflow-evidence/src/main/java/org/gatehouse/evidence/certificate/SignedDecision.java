package org.gatehouse.evidence.certificate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.gatehouse.evidence.Sha256;
import org.gatehouse.evidence.json.CanonicalJson;
import org.gatehouse.evidence.keys.SigningIdentity;
import org.gatehouse.evidence.signature.SignedStatement;
import org.gatehouse.evidence.signature.StatementSigner;
import org.gatehouse.evidence.timestamp.TimeStampToken;
import org.gatehouse.evidence.timestamp.TimeStamper;

/**
 * A decision as evidence (TC260 7.4.2 and 7.4.3): the statement signed by the person who decided and
 * an RFC 3161 token over the SHA-256 of the signature value, which proves the signature existed at
 * the token's genTime. Store both when the decision is taken; the release certificate collects them.
 */
public record SignedDecision(SignedStatement statement, TimeStampToken timeStamp) {
    /** The {@code type} of statements made with {@link #statement}. */
    public static final String STATEMENT_TYPE = "gatehouse-decision/1";

    public SignedDecision {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(timeStamp, "timeStamp");
    }

    /**
     * A decision statement. The release certificate requires every statement to name its release in
     * {@code release} and its signer's login in {@code signer}, so a signature cannot be moved to
     * another release or person.
     */
    public static ObjectNode statement(String releaseId, String subject, String decision, String signer,
            Instant decidedAt, Optional<String> comment) {
        ObjectNode node = CanonicalJson.object()
                .put("type", STATEMENT_TYPE)
                .put("release", releaseId)
                .put("subject", subject)
                .put("decision", decision)
                .put("signer", signer)
                .put("decidedAt", Fields.instant(decidedAt));
        comment.ifPresent(text -> node.put("comment", text));
        return node;
    }

    /** Signs with the person's key and time-stamps the signature value. */
    public static SignedDecision sign(ObjectNode statement, SigningIdentity signer, TimeStamper timeStamper) {
        SignedStatement signed = StatementSigner.sign(statement, signer);
        return new SignedDecision(signed, timeStamper.stamp(Sha256.of(signed.signature().value())));
    }
}
