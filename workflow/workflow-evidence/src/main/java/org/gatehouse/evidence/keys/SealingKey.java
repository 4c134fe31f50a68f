package org.gatehouse.evidence.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.gatehouse.evidence.CryptoProvider;

/**
 * The platform key that seals secrets at rest (here: private signing keys), AES-256-GCM with a
 * random 96-bit nonce per envelope. An envelope is
 * {@code version(1) | idLength(1) | keyId | nonce(12) | ciphertext | tag(16)}; the header and the
 * caller's context string are the associated data, so an envelope moved to another purpose or row,
 * or with a changed key id, does not open. The key id lets a {@link SealingKeyRing} hold old and new
 * keys during a rotation. The key bytes never appear in {@code toString}.
 */
public final class SealingKey {
    static final byte VERSION = 1;
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    private final KeyId id;
    private final SecretKeySpec key;

    private SealingKey(KeyId id, byte[] key) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("a sealing key is 32 bytes (AES-256)");
        }
        this.id = id;
        this.key = new SecretKeySpec(key, "AES");
    }

    /** A key named explicitly (for instance {@code 2026-01} from configuration). */
    public static SealingKey of(KeyId id, byte[] key) {
        return new SealingKey(id, key);
    }

    /** A key whose id is derived from the key itself: {@code k} + 16 hex digits of a SHA-256. */
    public static SealingKey of(byte[] key) {
        return new SealingKey(derivedId(key), key);
    }

    /** Reads base64 of 32 bytes, as kept in configuration; the id is derived. */
    public static SealingKey fromBase64(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a sealing key is base64 of 32 bytes");
        }
        return of(bytes);
    }

    /** A fresh random key (for tests and first installation). */
    public static SealingKey generate() {
        byte[] bytes = new byte[32];
        CryptoProvider.random().nextBytes(bytes);
        return of(bytes);
    }

    private static KeyId derivedId(byte[] key) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("a sealing key is 32 bytes (AES-256)");
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("gatehouse-sealing-key-id/1".getBytes(StandardCharsets.US_ASCII));
            return new KeyId("k" + HexFormat.of().formatHex(Arrays.copyOf(sha.digest(key), 8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public KeyId id() {
        return id;
    }

    /** Seals {@code plain}; the same {@code context} must be given to unseal. */
    public byte[] seal(byte[] plain, String context) {
        byte[] header = header(id);
        byte[] nonce = new byte[NONCE_BYTES];
        CryptoProvider.random().nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(header, context));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(header.length + NONCE_BYTES + sealed.length)
                    .put(header).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Opens an envelope sealed under this key, or throws {@link UnsealFailed}. */
    public byte[] unseal(byte[] envelope, String context) {
        KeyId named = SealingKeyRing.keyIdOf(envelope);
        if (!named.equals(id)) {
            throw new UnsealFailed(UnsealFailed.Reason.UNKNOWN_KEY, "the envelope is sealed under key " + named
                    + ", not " + id);
        }
        int headerLength = 2 + envelope[1];
        if (envelope.length < headerLength + NONCE_BYTES + TAG_BITS / 8) {
            throw new UnsealFailed(UnsealFailed.Reason.MALFORMED, "the envelope is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, envelope, headerLength, NONCE_BYTES));
            cipher.updateAAD(associatedData(Arrays.copyOf(envelope, headerLength), context));
            int start = headerLength + NONCE_BYTES;
            return cipher.doFinal(envelope, start, envelope.length - start);
        } catch (AEADBadTagException e) {
            throw new UnsealFailed(UnsealFailed.Reason.AUTHENTICATION_FAILED,
                    "the envelope does not open: wrong key, altered bytes or another context");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    static byte[] header(KeyId id) {
        byte[] name = id.ascii();
        return ByteBuffer.allocate(2 + name.length).put(VERSION).put((byte) name.length).put(name).array();
    }

    private static byte[] associatedData(byte[] header, String context) {
        byte[] text = context.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(header.length + text.length).put(header).put(text).array();
    }

    @Override
    public String toString() {
        return "SealingKey[" + id + "]";
    }
}
