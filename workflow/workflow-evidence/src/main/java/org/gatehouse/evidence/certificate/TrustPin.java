package org.gatehouse.evidence.certificate;

import java.security.cert.X509Certificate;
import org.gatehouse.evidence.Certificates;
import org.gatehouse.evidence.Sha256;

/**
 * The CA a verifier expects, known from elsewhere than the document (the operator's copy of the
 * Gatehouse CA certificate, or its SHA-256 fingerprint). Without a pin, a certificate only proves
 * that it is consistent with the CA it carries. {@link TimeStampPins} pins external TSA roots the
 * same way.
 */
public sealed interface TrustPin {

    boolean matches(X509Certificate ca);

    /** The SHA-256 fingerprint the pin expects. */
    Sha256 fingerprint();

    static TrustPin of(X509Certificate ca) {
        return new CaCertificate(ca);
    }

    static TrustPin ofFingerprint(Sha256 fingerprint) {
        return new CaFingerprint(fingerprint);
    }

    /** Pinned by the CA certificate itself. */
    record CaCertificate(X509Certificate ca) implements TrustPin {
        @Override
        public boolean matches(X509Certificate other) {
            return fingerprint().equals(Certificates.fingerprint(other));
        }

        @Override
        public Sha256 fingerprint() {
            return Certificates.fingerprint(ca);
        }
    }

    /** Pinned by the SHA-256 of the CA certificate's DER. */
    record CaFingerprint(Sha256 fingerprint) implements TrustPin {
        @Override
        public boolean matches(X509Certificate other) {
            return fingerprint.equals(Certificates.fingerprint(other));
        }
    }
}
