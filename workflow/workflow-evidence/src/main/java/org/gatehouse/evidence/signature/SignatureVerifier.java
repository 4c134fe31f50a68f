package org.gatehouse.evidence.signature;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.gatehouse.evidence.Certificates;
import org.gatehouse.evidence.CryptoProvider;
import org.gatehouse.evidence.Sha256;
import org.gatehouse.evidence.authority.CertificateProfile;
import org.gatehouse.evidence.authority.CertificateRejected;
import org.gatehouse.evidence.authority.CertificateTrust;
import org.gatehouse.evidence.json.CanonicalJson;
import org.gatehouse.evidence.keys.SigningKeyAlgorithm;

/**
 * Verifies signed statements offline (TC260 7.4.2): the payload is canonical JSON and matches its
 * digest, the algorithm is the one of the certificate's key, the signature is valid, and the
 * certificate chains to the trust anchor, was valid at the signing time and is a decision-signing
 * certificate (nonRepudiation). The signing time should come from a verified RFC 3161 time-stamp
 * over the signature value (7.4.3), not from the signer.
 */
public final class SignatureVerifier {
    private final CertificateTrust trust;

    public SignatureVerifier(CertificateTrust trust) {
        this.trust = trust;
    }

    public VerifiedSignature verify(SignedStatement statement, Instant signedAt) {
        byte[] payload = statement.payload();
        StatementSignature signature = statement.signature();
        if (!CanonicalJson.isCanonical(payload) || !CanonicalJson.parse(payload).isObject()) {
            throw new SignatureInvalid("the payload is not a JSON object in canonical form");
        }
        if (!signature.payloadSha256().equals(Sha256.of(payload))) {
            throw new SignatureInvalid("the payload does not match its recorded SHA-256");
        }
        X509Certificate certificate = signature.certificate()
                .orElseThrow(() -> new SignatureInvalid("the signer certificate is not one DER certificate"));
        SigningKeyAlgorithm algorithm = SigningKeyAlgorithm.of(certificate.getPublicKey())
                .orElseThrow(() -> new SignatureInvalid("the signer's key is neither P-256 nor Ed25519"));
        if (algorithm != signature.algorithm()) {
            throw new SignatureInvalid("the signature claims " + signature.algorithm().id()
                    + " but the certificate's key is " + algorithm.id());
        }
        if (!verifies(algorithm, certificate, payload, signature.value())) {
            throw new SignatureInvalid("the signature does not verify");
        }
        try {
            trust.check(certificate, CertificateProfile.DECISION_SIGNING, signedAt);
        } catch (CertificateRejected e) {
            throw new SignatureInvalid("the signer certificate is not trusted: " + e.getMessage(), e);
        }
        String signer = Certificates.commonName(certificate)
                .orElseThrow(() -> new SignatureInvalid("the signer certificate names no login"));
        return new VerifiedSignature(signer, certificate, signedAt);
    }

    /** Whether {@code value} is a valid signature of {@code data} by the certificate's key. */
    public static boolean verifies(SigningKeyAlgorithm algorithm, X509Certificate certificate, byte[] data, byte[] value) {
        try {
            Signature verifier = Signature.getInstance(algorithm.jcaSignature(), CryptoProvider.bc());
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(data);
            return verifier.verify(value);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
