package org.gatehouse.evidence.signature;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Objects;
import org.gatehouse.evidence.json.CanonicalJson;

/**
 * A statement (a JSON object in its RFC 8785 canonical form: exactly the bytes that were signed)
 * with its signature. Store {@link #payload()} and the signature's parts; the statement tree is
 * parsed again from the payload on demand.
 */
public record SignedStatement(byte[] payload, StatementSignature signature) {

    public SignedStatement {
        Objects.requireNonNull(signature, "signature");
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The statement as a tree (a fresh copy). */
    public JsonNode statement() {
        return CanonicalJson.parse(payload);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedStatement that && Arrays.equals(payload, that.payload)
                && signature.equals(that.signature);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(payload) + signature.hashCode();
    }

    @Override
    public String toString() {
        return "SignedStatement[" + signature + "]";
    }
}
