package org.gatehouse.evidence.certificate;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.gatehouse.evidence.Certificates;
import org.gatehouse.evidence.Sha256;

/**
 * {@code VerifyCertificate cert.json [--ca ca.pem | --ca-sha256 HEX]}: verifies a release certificate
 * offline (TC260 7.8.4), prints the report and exits 0 when valid, 1 when invalid, 2 when the
 * certificate, the CA file or the arguments cannot be read.
 */
public final class VerifyCertificate {
    static final int VALID = 0;
    static final int INVALID = 1;
    static final int UNREADABLE = 2;
    private static final int MAX_BYTES = 32 * 1024 * 1024;
    private static final String USAGE = "usage: VerifyCertificate cert.json [--ca ca.pem | --ca-sha256 HEX]";

    private VerifyCertificate() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1 && args.length != 3) {
            err.println(USAGE);
            return UNREADABLE;
        }
        Optional<TrustPin> pin;
        byte[] document;
        try {
            pin = args.length == 3 ? Optional.of(pin(args[1], args[2])) : Optional.empty();
            document = read(Path.of(args[0]));
        } catch (IOException | IllegalArgumentException e) {
            err.println("cannot read: " + e.getMessage());
            return UNREADABLE;
        }
        VerificationReport report = CertificateVerifier.verify(document, pin);
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
            case "--ca-sha256" -> TrustPin.ofFingerprint(Sha256.fromHex(value.replace(":", "").toLowerCase(Locale.ROOT)));
            default -> throw new IllegalArgumentException(USAGE);
        };
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
