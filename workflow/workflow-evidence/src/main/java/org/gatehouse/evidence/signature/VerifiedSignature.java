package org.gatehouse.evidence.signature;

import java.security.cert.X509Certificate;
import java.time.Instant;

/** A statement whose signature verified: who signed (the certificate's CN, the login) and when. */
public record VerifiedSignature(String signer, X509Certificate certificate, Instant signedAt) {
}
