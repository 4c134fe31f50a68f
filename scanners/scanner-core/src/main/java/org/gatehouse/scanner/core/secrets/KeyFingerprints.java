package org.gatehouse.scanner.core.secrets;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fingerprint of a key (C.2, 8.5.2): the SHA-256 of its public part as DER
 * SubjectPublicKeyInfo, so that a public key, a certificate carrying it and (for RSA) its private key
 * all have the same fingerprint. Parsing uses the JDK only; anything it cannot read has no fingerprint.
 */
public final class KeyFingerprints {
    /** The most base64 characters of one PEM block that are decoded (a 16384-bit RSA key is far less). */
    static final int MAX_PEM_CHARS = 64 * 1024;
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]{1,40})-----([A-Za-z0-9+/=\\s]{1," + MAX_PEM_CHARS + "}?)-----END \\1-----");
    private static final byte[] RSA_ALGORITHM = HexFormat.of().parseHex("300d06092a864886f70d0101010500");

    private KeyFingerprints() {
    }

    /**
     * The fingerprint of the first PEM public key or certificate in a text, for the register: a
     * {@code PUBLIC KEY}, {@code RSA PUBLIC KEY} or {@code CERTIFICATE} block.
     */
    public static Optional<String> ofPublicPem(String text) {
        if (text == null || text.length() > 4 * MAX_PEM_CHARS) {
            return Optional.empty();
        }
        Matcher block = BLOCK.matcher(text);
        while (block.find()) {
            String type = block.group(1);
            if (type.equals("PUBLIC KEY") || type.equals("RSA PUBLIC KEY") || type.equals("CERTIFICATE")) {
                return of(type, block.group(2));
            }
        }
        return Optional.empty();
    }

    /** The fingerprint of a PEM block's body by its type; empty for types without a public key or bad data. */
    static Optional<String> of(String type, String base64) {
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(base64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        try {
            return switch (type) {
                case "CERTIFICATE" -> Optional.of(sha256(((X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der))).getPublicKey().getEncoded()));
                case "PUBLIC KEY" -> Optional.of(sha256(anyPublicKey(der).getEncoded()));
                case "RSA PUBLIC KEY" -> Optional.of(sha256(KeyFactory.getInstance("RSA")
                        .generatePublic(new X509EncodedKeySpec(spki(der))).getEncoded()));
                case "PRIVATE KEY" -> rsaPublic(der);
                case "RSA PRIVATE KEY" -> rsaPublic(pkcs8(der));
                default -> Optional.empty();
            };
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The fingerprint of a public key. */
    public static String of(PublicKey key) {
        return sha256(key.getEncoded());
    }

    private static PublicKey anyPublicKey(byte[] spki) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "Ed448", "DSA", "XDH"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(spki));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }

    /** The public key of an RSA PKCS#8 private key (EC and others would need point arithmetic: not matched). */
    private static Optional<String> rsaPublic(byte[] pkcs8) throws GeneralSecurityException {
        if (!(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)) instanceof RSAPrivateCrtKey key)) {
            return Optional.empty();
        }
        return Optional.of(sha256(KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())).getEncoded()));
    }

    /** PKCS#1 RSAPrivateKey wrapped as PKCS#8: SEQUENCE { 0, rsaEncryption, OCTET STRING pkcs1 }. */
    static byte[] pkcs8(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(RSA_ALGORITHM);
        body.writeBytes(tlv(0x04, pkcs1));
        return tlv(0x30, body.toByteArray());
    }

    /** PKCS#1 RSAPublicKey wrapped as SubjectPublicKeyInfo: SEQUENCE { rsaEncryption, BIT STRING pkcs1 }. */
    static byte[] spki(byte[] pkcs1) {
        byte[] bits = new byte[pkcs1.length + 1];
        System.arraycopy(pkcs1, 0, bits, 1, pkcs1.length);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(RSA_ALGORITHM);
        body.writeBytes(tlv(0x03, bits));
        return tlv(0x30, body.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xff);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write((length >> 8) & 0xff);
            out.write(length & 0xff);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
