package org.gatehouse.evidence.signature;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Objects;
import org.gatehouse.evidence.Certificates;
import org.gatehouse.evidence.Sha256;
import org.gatehouse.evidence.keys.SigningKeyAlgorithm;

/**
 * A signature over a canonical JSON payload: the algorithm ({@code ES256}: ECDSA P-256 with SHA-256,
 * ASN.1 DER value; {@code Ed25519}: 64 bytes), the signer's certificate in DER, the signature value
 * and the payload's SHA-256 (for indexing; verification recomputes it).
 */
public record StatementSignature(SigningKeyAlgorithm algorithm, byte[] signerCertificate, byte[] value,
        Sha256 payloadSha256) {

    public StatementSignature {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(payloadSha256, "payloadSha256");
        signerCertificate = signerCertificate.clone();
        value = value.clone();
    }

    @Override
    public byte[] signerCertificate() {
        return signerCertificate.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** The signer's certificate, if the stored bytes are one DER certificate. */
    public java.util.Optional<X509Certificate> certificate() {
        return Certificates.parseDer(signerCertificate);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StatementSignature that && algorithm == that.algorithm
                && Arrays.equals(signerCertificate, that.signerCertificate) && Arrays.equals(value, that.value)
                && payloadSha256.equals(that.payloadSha256);
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, Arrays.hashCode(signerCertificate), Arrays.hashCode(value), payloadSha256);
    }

    @Override
    public String toString() {
        return "StatementSignature[" + algorithm.id() + ", payload " + payloadSha256 + "]";
    }
}
