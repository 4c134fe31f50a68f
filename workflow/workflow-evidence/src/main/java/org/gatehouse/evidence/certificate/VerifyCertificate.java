package org.gatehouse.evidence.certificate;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gatehouse.evidence.Certificates;
import org.gatehouse.evidence.Sha256;

/**
 * {@code VerifyCertificate cert.json [--ca ca.pem | --ca-sha256 HEX] [--tsa-sha256 HEX]...}: verifies
 * a release certificate offline (TC260 7.8.4), prints the report and exits 0 when valid, 1 when
 * invalid, 2 when the certificate, the CA file or the arguments cannot be read. Each
 * {@code --tsa-sha256} pins an external TSA root (7.4.3); once one is given, a token under any
 * other external root fails. Without them such a token passes, reported as not independently trusted.
 */
public final class VerifyCertificate {
    static final int VALID = 0;
    static final int INVALID = 1;
    static final int UNREADABLE = 2;
    private static final int MAX_BYTES = 32 * 1024 * 1024;
    private static final String USAGE =
            "usage: VerifyCertificate cert.json [--ca ca.pem | --ca-sha256 HEX] [--tsa-sha256 HEX]...";

    private VerifyCertificate() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args.length % 2 == 0) {
            err.println(USAGE);
            return UNREADABLE;
        }
        Optional<TrustPin> pin = Optional.empty();
        List<TrustPin> tsaPins = new ArrayList<>();
        byte[] document;
        try {
            for (int i = 1; i < args.length; i += 2) {
                if (args[i].equals("--tsa-sha256")) {
                    tsaPins.add(TrustPin.ofFingerprint(fingerprint(args[i + 1])));
                } else if (pin.isPresent()) {
                    throw new IllegalArgumentException(USAGE);
                } else {
                    pin = Optional.of(pin(args[i], args[i + 1]));
                }
            }
            document = read(Path.of(args[0]));
        } catch (IOException | IllegalArgumentException e) {
            err.println("cannot read: " + e.getMessage());
            return UNREADABLE;
        }
        VerificationReport report = CertificateVerifier.verify(document, pin,
                tsaPins.isEmpty() ? TimeStampPins.unpinned() : TimeStampPins.only(tsaPins));
        out.print(report.render());
        return switch (report.verdict()) {
            case VALID -> VALID;
            case INVALID -> INVALID;
            case MALFORMED -> UNREADABLE;
        };
    }

    private static TrustPin pin(String option, String value) throws IOException {
        return switch (option) {
            case "--ca" -> TrustPin.of(Certificates.parsePemOrDer(read(Path.of(value)))
                    .orElseThrow(() -> new IllegalArgumentException(value + " holds no X.509 certificate")));
            case "--ca-sha256" -> TrustPin.ofFingerprint(fingerprint(value));
            default -> throw new IllegalArgumentException(USAGE);
        };
    }

    private static Sha256 fingerprint(String hex) {
        return Sha256.fromHex(hex.replace(":", "").toLowerCase(Locale.ROOT));
    }

    private static byte[] read(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException(path + " is larger than " + MAX_BYTES + " bytes");
            }
            return bytes;
        }
    }
}
