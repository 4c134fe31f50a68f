package org.gatehouse.evidence.keys;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.gatehouse.evidence.Certificates;
import org.gatehouse.evidence.CryptoProvider;

/**
 * A private signing key with its certificate, unlocked in memory. The private key does not leave
 * this object: callers sign through {@link #sign} or, for X.509 and CMS structures, through
 * {@link #contentSigner()}. Created by the signing authority at enrolment or read back from
 * {@link KeyMaterial}.
 */
public final class SigningIdentity {
    private final PrivateKey privateKey;
    private final X509Certificate certificate;
    private final SigningKeyAlgorithm algorithm;

    SigningIdentity(PrivateKey privateKey, X509Certificate certificate) {
        this.privateKey = privateKey;
        this.certificate = certificate;
        this.algorithm = SigningKeyAlgorithm.of(certificate.getPublicKey())
                .orElseThrow(() -> new IllegalArgumentException("the certificate's key is neither P-256 nor Ed25519"));
    }

    /** For the signing authority, which creates identities together with their certificates. */
    public static SigningIdentity of(PrivateKey privateKey, X509Certificate certificate) {
        SigningIdentity identity = new SigningIdentity(privateKey, certificate);
        identity.requireMatchingKeys();
        return identity;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public SigningKeyAlgorithm algorithm() {
        return algorithm;
    }

    /** The certificate's subject common name (for users: the login). */
    public String name() {
        return Certificates.commonName(certificate).orElse(certificate.getSubjectX500Principal().getName());
    }

    public byte[] sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance(algorithm.jcaSignature(), CryptoProvider.bc());
            signature.initSign(privateKey, CryptoProvider.random());
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing with " + algorithm + " failed", e);
        }
    }

    /** A BouncyCastle content signer over this key (certificates, CMS, time-stamp tokens). */
    public ContentSigner contentSigner() {
        AlgorithmIdentifier identifier = new DefaultSignatureAlgorithmIdentifierFinder().find(algorithm.jcaSignature());
        // BouncyCastle's generators may reuse one content signer: the buffer is emptied after each signature
        return new ContentSigner() {
            private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return identifier;
            }

            @Override
            public OutputStream getOutputStream() {
                return buffer;
            }

            @Override
            public byte[] getSignature() {
                byte[] data = buffer.toByteArray();
                buffer.reset();
                return sign(data);
            }
        };
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    /** Proves that the private key belongs to the certificate's public key. */
    void requireMatchingKeys() {
        byte[] probe = "gatehouse-key-pair-check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try {
            Signature verifier = Signature.getInstance(algorithm.jcaSignature(), CryptoProvider.bc());
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            if (!verifier.verify(sign(probe))) {
                throw new IllegalArgumentException("the private key does not belong to the certificate");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the private key does not belong to the certificate", e);
        }
    }

    @Override
    public String toString() {
        return "SigningIdentity[" + certificate.getSubjectX500Principal().getName() + ", " + algorithm + "]";
    }
}
