package org.gatehouse.evidence.signature;

import com.fasterxml.jackson.databind.JsonNode;
import org.gatehouse.evidence.Certificates;
import org.gatehouse.evidence.Sha256;
import org.gatehouse.evidence.json.CanonicalJson;
import org.gatehouse.evidence.keys.SigningIdentity;

/** Signs statements with a person's enrolled key (TC260 7.4.2: an attributable, signed decision). */
public final class StatementSigner {
    private StatementSigner() {
    }

    /** Signs the canonical form of a JSON object. */
    public static SignedStatement sign(JsonNode statement, SigningIdentity signer) {
        if (statement == null || !statement.isObject()) {
            throw new IllegalArgumentException("a statement is a JSON object");
        }
        byte[] payload = CanonicalJson.write(statement);
        StatementSignature signature = new StatementSignature(signer.algorithm(),
                Certificates.der(signer.certificate()), signer.sign(payload), Sha256.of(payload));
        return new SignedStatement(payload, signature);
    }
}
