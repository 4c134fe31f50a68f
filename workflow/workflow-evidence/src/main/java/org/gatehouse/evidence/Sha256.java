package org.gatehouse.evidence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** A SHA-256 digest: exactly 32 bytes, shown as 64 lowercase hex digits. */
public final class Sha256 {
    private static final HexFormat HEX = HexFormat.of();
    private final byte[] value;

    private Sha256(byte[] value) {
        this.value = value;
    }

    /** The digest of the given data. */
    public static Sha256 of(byte[] data) {
        try {
            return new Sha256(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** A digest computed elsewhere; it must be 32 bytes. */
    public static Sha256 fromBytes(byte[] digest) {
        if (digest == null || digest.length != 32) {
            throw new IllegalArgumentException("a SHA-256 digest has 32 bytes");
        }
        return new Sha256(digest.clone());
    }

    /** Parses exactly 64 lowercase hex digits (the one form this component writes). */
    public static Sha256 fromHex(String hex) {
        if (hex == null || hex.length() != 64 || !hex.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
            throw new IllegalArgumentException("a SHA-256 digest is 64 lowercase hex digits");
        }
        return new Sha256(HEX.parseHex(hex));
    }

    public byte[] bytes() {
        return value.clone();
    }

    public String hex() {
        return HEX.formatHex(value);
    }

    /** Constant-time comparison with raw digest bytes. */
    public boolean matches(byte[] digest) {
        return digest != null && MessageDigest.isEqual(value, digest);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sha256 that && MessageDigest.isEqual(value, that.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return hex();
    }
}
