package org.gatehouse.evidence.keys;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import org.gatehouse.evidence.Certificates;
import org.gatehouse.evidence.CryptoProvider;

/**
 * A signing key as stored: the PKCS#8 private key sealed with the platform {@link SealingKey} and
 * the certificate in DER. The sealing context is bound to the certificate's SHA-256, so a sealed key
 * copied next to another certificate (another user's row) does not open. {@link #toBytes()} is
 * {@code "GHKM" | version 1 | u32 certLength | cert | u32 sealedLength | sealed}.
 */
public final class KeyMaterial {
    private static final byte[] MAGIC = "GHKM".getBytes(StandardCharsets.US_ASCII);
    private static final byte VERSION = 1;
    private static final int MAX_PART = 64 * 1024;
    private final byte[] sealedPrivateKey;
    private final byte[] certificateDer;
    private final X509Certificate certificate;

    private KeyMaterial(byte[] sealedPrivateKey, byte[] certificateDer) {
        this.sealedPrivateKey = sealedPrivateKey.clone();
        this.certificateDer = certificateDer.clone();
        this.certificate = Certificates.parseDer(certificateDer)
                .orElseThrow(() -> new MalformedKeyMaterial("the stored certificate is not one DER certificate"));
    }

    /** Seals the identity's private key under the ring's newest key. */
    public static KeyMaterial seal(SigningIdentity identity, SealingKeyRing keys) {
        byte[] der = Certificates.der(identity.certificate());
        byte[] pkcs8 = identity.privateKey().getEncoded();
        try {
            return new KeyMaterial(keys.seal(pkcs8, context(der)), der);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** Opens the private key and checks that it belongs to the certificate. */
    public SigningIdentity unlock(SealingKeyRing keys) {
        byte[] pkcs8 = keys.unseal(sealedPrivateKey, context(certificateDer));
        try {
            SigningKeyAlgorithm algorithm = SigningKeyAlgorithm.of(certificate.getPublicKey())
                    .orElseThrow(() -> new MalformedKeyMaterial("the certificate's key is neither P-256 nor Ed25519"));
            PrivateKey key = KeyFactory.getInstance(algorithm.keyFactoryName(), CryptoProvider.bc())
                    .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            SigningIdentity identity = new SigningIdentity(key, certificate);
            identity.requireMatchingKeys();
            return identity;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new MalformedKeyMaterial("the sealed private key is not a key of the certificate");
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** The same key sealed under the ring's newest key (rotation). */
    public KeyMaterial reseal(SealingKeyRing keys) {
        return new KeyMaterial(keys.reseal(sealedPrivateKey, context(certificateDer)), certificateDer);
    }

    public boolean isSealedUnderNewest(SealingKeyRing keys) {
        return keys.isCurrent(sealedPrivateKey);
    }

    public KeyId sealedWith() {
        return SealingKeyRing.keyIdOf(sealedPrivateKey);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public byte[] toBytes() {
        return ByteBuffer.allocate(MAGIC.length + 1 + 4 + certificateDer.length + 4 + sealedPrivateKey.length)
                .put(MAGIC).put(VERSION)
                .putInt(certificateDer.length).put(certificateDer)
                .putInt(sealedPrivateKey.length).put(sealedPrivateKey)
                .array();
    }

    public static KeyMaterial fromBytes(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC) || in.get() != VERSION) {
                throw new MalformedKeyMaterial("not Gatehouse key material of version 1");
            }
            byte[] der = part(in);
            byte[] sealed = part(in);
            if (in.hasRemaining()) {
                throw new MalformedKeyMaterial("trailing bytes after the key material");
            }
            return new KeyMaterial(sealed, der);
        } catch (BufferUnderflowException | NullPointerException e) {
            throw new MalformedKeyMaterial("the key material is truncated");
        }
    }

    private static byte[] part(ByteBuffer in) {
        int length = in.getInt();
        if (length <= 0 || length > MAX_PART || length > in.remaining()) {
            throw new MalformedKeyMaterial("a length in the key material is out of range");
        }
        byte[] part = new byte[length];
        in.get(part);
        return part;
    }

    private static String context(byte[] certificateDer) {
        return "gatehouse-key-material/1:" + org.gatehouse.evidence.Sha256.of(certificateDer).hex();
    }

    @Override
    public String toString() {
        return "KeyMaterial[" + certificate.getSubjectX500Principal().getName() + ", sealed with " + sealedWith() + "]";
    }
}
