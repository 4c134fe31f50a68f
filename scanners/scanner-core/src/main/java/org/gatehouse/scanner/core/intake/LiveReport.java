package org.gatehouse.scanner.core.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import org.gatehouse.scanner.api.ReportSource;
import org.gatehouse.scanner.core.intake.StoredReport.Compression;

/**
 * A report that a plugin may read while the upload still arrives (issue 4, ADR 0007 amendment): parsing
 * overlaps the transfer instead of following it. The bytes the plugin reads go on, as they pass, into
 * an owner-only temp file and the upload's SHA-256, under the same size limit as
 * {@link ReportIntake#receive} (7.8.3-ds); {@link #finish()} reads what the plugin left and hands over
 * the stored report.
 *
 * <p>Only an uncompressed upload under a declared, uncompressed name is read live ({@link #live()});
 * its name is checked before a byte is read, its content by its first bytes. Anything else (a
 * {@code .gz} or {@code .zip}, or compressed content under a plain name) is received by
 * {@link #finish()} exactly as {@link ReportIntake#receive} does, behind its bomb guards.
 *
 * <p>One thread uses an instance. A plugin that reads its report twice (a two-pass format) reads the
 * arriving bytes first and then the stored copy: a second {@link ReportSource#open()} first reads the
 * rest of the upload.
 */
public final class LiveReport implements AutoCloseable {
    private final ReportIntake intake;
    private final PushbackInputStream body;
    private final String fileName;
    private final Set<String> allowedExtensions;
    private final Path workDir;
    private final DeclaredName declared;
    private final boolean live;
    private final MessageDigest sha256;
    private Path file;
    private OutputStream out;
    private long total;
    private boolean ended;
    private boolean opened;
    private StoredReport finished;

    private LiveReport(ReportIntake intake, PushbackInputStream body, String fileName, Set<String> allowedExtensions,
            Path workDir, DeclaredName declared, boolean live) {
        this.intake = intake;
        this.body = body;
        this.fileName = fileName;
        this.allowedExtensions = allowedExtensions;
        this.workDir = workDir;
        this.declared = declared;
        this.live = live;
        this.sha256 = ReportIntake.sha256();
    }

    /**
     * Begins receiving one report ({@link ReportIntake#live}).
     *
     * @throws UndeclaredReportType the name is not a declared type
     */
    static LiveReport start(ReportIntake intake, InputStream body, String fileName, Set<String> allowedExtensions,
            Path workDir) throws IOException {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(workDir, "workDir");
        DeclaredName declared = DeclaredName.parse(fileName, DeclaredName.normalise(allowedExtensions));
        PushbackInputStream in = new PushbackInputStream(body, 4);
        byte[] head = in.readNBytes(4);
        in.unread(head);
        boolean plain = declared.compression() == Compression.NONE && Compression.detect(head) == Compression.NONE;
        LiveReport report = new LiveReport(intake, in, fileName, allowedExtensions, workDir, declared, plain);
        if (plain) {
            report.file = TempFiles.create(workDir, "upload-");
            try {
                report.out = Files.newOutputStream(report.file);
            } catch (IOException | RuntimeException e) {
                TempFiles.delete(report.file, e);
                throw e;
            }
        }
        return report;
    }

    /** Whether a plugin may read the report as it arrives; when not, only {@link #finish()} reads it. */
    public boolean live() {
        return live;
    }

    /**
     * The report for its plugin: the first {@code open()} reads the upload as it arrives, later ones
     * the stored copy after the rest of the upload.
     */
    public ReportSource source() {
        if (!live) {
            throw new IllegalStateException("a compressed upload is received first");
        }
        return new ReportSource() {
            @Override
            public String name() {
                return declared.reportName();
            }

            @Override
            public InputStream open() throws IOException {
                if (finished != null) {
                    return Files.newInputStream(finished.path());
                }
                if (!opened) {
                    opened = true;
                    return new Arriving();
                }
                rest();
                out.flush();
                return Files.newInputStream(file);
            }
        };
    }

    /**
     * Reads what is left of the upload and returns the stored report, which then belongs to the
     * caller: the copy of a live upload, or the upload received as {@link ReportIntake#receive} does.
     *
     * @throws UploadTooLarge over the size limit
     */
    public StoredReport finish() throws IOException {
        if (finished != null) {
            return finished;
        }
        if (!live) {
            finished = intake.receive(body, fileName, allowedExtensions, workDir);
            return finished;
        }
        rest();
        out.close();
        finished = new StoredReport(file, declared.fileName(), declared.reportName(), Compression.NONE, total, total,
                HexFormat.of().formatHex(sha256.digest()));
        return finished;
    }

    /** Deletes the temp file unless {@link #finish()} handed it over. */
    @Override
    public void close() {
        if (finished != null || file == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            // deleted below either way
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot delete the upload " + file, e);
        }
    }

    private void rest() throws IOException {
        byte[] skip = new byte[Unpacker.BUFFER];
        while (pass(skip, 0, skip.length) != -1) {
            // stored and hashed on the way
        }
    }

    /** Reads from the upload into {@code buffer}, storing, hashing and counting what passes. */
    private int pass(byte[] buffer, int offset, int length) throws IOException {
        if (ended) {
            return -1;
        }
        long max = intake.limits().maxUploadBytes();
        int n = body.read(buffer, offset, (int) Math.min(length, max - total + 1));
        if (n == -1) {
            ended = true;
            return -1;
        }
        total += n;
        if (total > max) {
            throw new UploadTooLarge(max);
        }
        sha256.update(buffer, offset, n);
        out.write(buffer, offset, n);
        return n;
    }

    /** The upload as it arrives; closing it leaves the rest for {@link #finish()}. */
    private final class Arriving extends InputStream {
        private final byte[] one = new byte[1];

        @Override
        public int read() throws IOException {
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, buffer.length);
            return length == 0 ? 0 : pass(buffer, offset, length);
        }
    }
}
