package org.gatehouse.evidence;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** Reading and writing X.509 certificates (DER and PEM) and their SHA-256 fingerprints. */
public final class Certificates {
    private static final int MAX_DER = 64 * 1024;

    private Certificates() {
    }

    /**
     * Parses one DER certificate; empty when the bytes are not exactly one certificate in DER (a
     * BER encoding or trailing bytes are refused, so one certificate has one byte form).
     */
    public static Optional<X509Certificate> parseDer(byte[] der) {
        if (der == null || der.length == 0 || der.length > MAX_DER) {
            return Optional.empty();
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509", CryptoProvider.bc());
            X509Certificate certificate = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
            certificate.getPublicKey(); // BouncyCastle decodes the key lazily: a malformed key fails here
            return Arrays.equals(certificate.getEncoded(), der) ? Optional.of(certificate) : Optional.empty();
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Reads a PEM {@code CERTIFICATE} block, or DER when the bytes are no PEM text. */
    public static Optional<X509Certificate> parsePemOrDer(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.US_ASCII);
        int begin = text.indexOf("-----BEGIN CERTIFICATE-----");
        int end = text.indexOf("-----END CERTIFICATE-----");
        if (begin < 0 || end < begin) {
            return parseDer(bytes);
        }
        String body = text.substring(begin + "-----BEGIN CERTIFICATE-----".length(), end).replaceAll("\\s", "");
        try {
            return parseDer(Base64.getDecoder().decode(body));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Reads every PEM {@code CERTIFICATE} block of a text (a trust file with roots and intermediates),
     * in order; empty when a block is not one DER certificate or there is none.
     */
    public static Optional<List<X509Certificate>> parseAllPem(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.US_ASCII);
        List<X509Certificate> found = new ArrayList<>();
        int from = 0;
        while (true) {
            int begin = text.indexOf("-----BEGIN CERTIFICATE-----", from);
            if (begin < 0) {
                break;
            }
            int end = text.indexOf("-----END CERTIFICATE-----", begin);
            if (end < 0) {
                return Optional.empty();
            }
            Optional<X509Certificate> one = parsePemOrDer(text.substring(begin, end + "-----END CERTIFICATE-----".length())
                    .getBytes(StandardCharsets.US_ASCII));
            if (one.isEmpty()) {
                return Optional.empty();
            }
            found.add(one.get());
            from = end + "-----END CERTIFICATE-----".length();
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(found));
    }

    public static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate has an encoding", e);
        }
    }

    public static String pem(X509Certificate certificate) {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der(certificate))
                + "\n-----END CERTIFICATE-----\n";
    }

    /** SHA-256 over the certificate's DER: the fingerprint an operator pins. */
    public static Sha256 fingerprint(X509Certificate certificate) {
        return Sha256.of(der(certificate));
    }

    /** The subject's (first) common name, if it has one. */
    public static Optional<String> commonName(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        RDN[] names = subject.getRDNs(BCStyle.CN);
        if (names.length == 0 || names[0].isMultiValued()) {
            return Optional.empty();
        }
        return Optional.of(IETFUtils.valueToString(names[0].getFirst().getValue()));
    }
}
