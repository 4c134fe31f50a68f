package org.gatehouse.scanner.core.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.gatehouse.scanner.api.ReportSource;

/**
 * A received report in an owner-only temp file, decompressed and ready for its scanner plugin
 * (7.8.3-ds). It owns the file: {@link #close()} deletes it.
 *
 * @param path              the readable (decompressed) report; its name is random, never the client's
 * @param fileName          the client file name, sanitised (last path segment, no control characters)
 * @param reportName        the report's own name: {@code fileName} without {@code .gz}, or the base
 *                          name of the zip entry
 * @param compression       how the upload was compressed, as detected from its content
 * @param uploadedBytes     the bytes as uploaded
 * @param uncompressedBytes the bytes of the report at {@code path} (equal to {@code uploadedBytes}
 *                          when the upload was not compressed)
 * @param sha256            SHA-256 of the upload as received, lower-case hex
 */
public record StoredReport(Path path, String fileName, String reportName, Compression compression,
        long uploadedBytes, long uncompressedBytes, String sha256) implements AutoCloseable {

    /** How an upload was compressed, detected from its first bytes rather than its name. */
    public enum Compression {
        NONE, GZIP, ZIP;

        /** gzip {@code 1f 8b}; zip {@code PK 03 04} (or {@code PK 05 06}, an archive without entries). */
        static Compression detect(byte[] head) {
            if (head.length >= 2 && head[0] == (byte) 0x1f && head[1] == (byte) 0x8b) {
                return GZIP;
            }
            if (head.length >= 4 && head[0] == 'P' && head[1] == 'K'
                    && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6))) {
                return ZIP;
            }
            return NONE;
        }
    }

    public StoredReport {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(reportName, "reportName");
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** The report for its plugin, named {@link #reportName()}; it can be opened more than once. */
    public ReportSource source() {
        return new ReportSource() {
            @Override
            public String name() {
                return reportName;
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(path);
            }
        };
    }

    /** The declared extension of the report in lower case without the dot, e.g. {@code sarif}. */
    public String extension() {
        int dot = reportName.lastIndexOf('.');
        return dot < 0 ? "" : reportName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Deletes the temp file; closing twice is harmless. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the stored report " + path, e);
        }
    }
}
