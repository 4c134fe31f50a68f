package org.gatehouse.evidence.keys;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.gatehouse.evidence.CryptoProvider;

/**
 * The signing algorithms of Gatehouse keys. ECDSA on P-256 with SHA-256 is the default (broadly
 * supported by HSMs and smart cards, FIPS 186-5); Ed25519 is accepted too (deterministic, no nonce
 * pitfalls). The {@link #id()} is the name written in signed evidence.
 */
public enum SigningKeyAlgorithm {
    ECDSA_P256("ES256", "SHA256withECDSA"),
    ED25519("Ed25519", "Ed25519");

    private final String id;
    private final String jcaSignature;

    SigningKeyAlgorithm(String id, String jcaSignature) {
        this.id = id;
        this.jcaSignature = jcaSignature;
    }

    /** The name in evidence documents: {@code ES256} or {@code Ed25519}. */
    public String id() {
        return id;
    }

    /** The JCA / BouncyCastle signature algorithm name. */
    public String jcaSignature() {
        return jcaSignature;
    }

    public static Optional<SigningKeyAlgorithm> fromId(String id) {
        for (SigningKeyAlgorithm algorithm : values()) {
            if (algorithm.id.equals(id)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** The algorithm a public key is for; empty for any other key type or curve. */
    public static Optional<SigningKeyAlgorithm> of(PublicKey key) {
        SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(key.getEncoded());
        ASN1ObjectIdentifier type = info.getAlgorithm().getAlgorithm();
        if (EdECObjectIdentifiers.id_Ed25519.equals(type)) {
            return Optional.of(ED25519);
        }
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(type)
                && SECObjectIdentifiers.secp256r1.equals(info.getAlgorithm().getParameters())) {
            return Optional.of(ECDSA_P256);
        }
        return Optional.empty();
    }

    public KeyPair generate() {
        try {
            if (this == ECDSA_P256) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", CryptoProvider.bc());
                generator.initialize(new ECGenParameterSpec("secp256r1"), CryptoProvider.random());
                return generator.generateKeyPair();
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519", CryptoProvider.bc());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("BouncyCastle cannot generate " + this, e);
        }
    }

    String keyFactoryName() {
        return this == ECDSA_P256 ? "EC" : "Ed25519";
    }
}
