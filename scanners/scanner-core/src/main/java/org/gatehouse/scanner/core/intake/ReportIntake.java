package org.gatehouse.scanner.core.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.gatehouse.scanner.core.intake.StoredReport.Compression;

/**
 * Turns an uploaded scan report into a safe file on disk, for 7.8.3-dr (declared file types) and
 * 7.8.3-ds (process uploads safely).
 *
 * <ol>
 *   <li>The client file name is checked first, before a byte is read: it must be
 *       {@code <name>.<ext>} or {@code <name>.<ext>.gz} with an extension the scanner plugin declares,
 *       or {@code <name>.zip}; case-insensitive. Only its last path segment is kept (without control
 *       characters), and it is only ever displayed: temp files have random names.</li>
 *   <li>The body is spooled to an owner-only temp file in the work directory, counted and hashed
 *       (SHA-256 of the bytes as uploaded) on the way. Reading stops at the first byte over
 *       {@link IntakeLimits#maxUploadBytes()}; nothing is held in memory beyond one buffer.</li>
 *   <li>Compression is detected from the first bytes, not the name. A {@code .gz} name must hold
 *       gzip and a {@code .zip} name a zip, or the upload is refused. Gzip content under a plain name
 *       (a client that compresses on its own) is accepted and decompressed behind the same guards;
 *       zip content under a plain name is refused, since only the {@code .zip} path checks the entry.</li>
 *   <li>One level of compression is decompressed into a second temp file behind the bomb guards (see
 *       {@link IntakeLimits}); a zip must hold exactly one regular file with a declared extension.
 *       Archives inside archives (gzip in gzip, a zip or gzip in a zip) are refused.</li>
 * </ol>
 *
 * <p>Every failure deletes the temp files it created. Refusals are {@link UndeclaredReportType}
 * (415), {@link UploadTooLarge} (413) and {@link ArchiveRejected} (422); an {@link IOException} means
 * the request stream or the work directory failed (for instance the client went away). Empty uploads
 * are not refused here: the plugin reports them as unreadable. Instances are immutable and thread-safe.
 */
public final class ReportIntake {
    private final IntakeLimits limits;
    private final Unpacker unpacker;

    public ReportIntake(IntakeLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.unpacker = new Unpacker(limits);
    }

    /** An intake with {@link IntakeLimits#defaults()}. */
    public ReportIntake() {
        this(IntakeLimits.defaults());
    }

    public IntakeLimits limits() {
        return limits;
    }

    /**
     * Receives one report.
     *
     * @param body              the request body; read up to the limit, not closed
     * @param fileName          the client file name (untrusted), e.g. {@code build/scan.sarif.gz}
     * @param allowedExtensions the plugin's declared extensions, with or without the dot ({@code sarif})
     * @param workDir           an existing directory on the default file system for the temp files
     * @return the stored report; the caller closes it to delete the file
     * @throws UndeclaredReportType the name is not a declared type, or contradicts the content
     * @throws UploadTooLarge       the upload is over {@link IntakeLimits#maxUploadBytes()}
     * @throws ArchiveRejected      a bomb guard tripped, the archive has the wrong shape or is damaged
     * @throws IOException          reading the body or writing the work directory failed
     */
    public StoredReport receive(InputStream body, String fileName, Set<String> allowedExtensions, Path workDir)
            throws IOException {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(workDir, "workDir");
        Set<String> allowed = DeclaredName.normalise(allowedExtensions);
        DeclaredName declared = DeclaredName.parse(fileName, allowed);
        List<Path> created = new ArrayList<>(2);
        try {
            Path upload = TempFiles.create(workDir, "upload-");
            created.add(upload);
            Spooled spooled = spool(body, upload);
            Compression actual = Compression.detect(head(upload));
            StoredReport report = switch (check(declared, actual)) {
                case NONE -> new StoredReport(upload, declared.fileName(), declared.reportName(), Compression.NONE,
                        spooled.bytes(), spooled.bytes(), spooled.sha256());
                case GZIP -> {
                    Path target = TempFiles.create(workDir, "report-");
                    created.add(target);
                    long bytes = unpacker.gunzip(upload, spooled.bytes(), declared.reportName(), target);
                    yield new StoredReport(target, declared.fileName(), declared.reportName(), Compression.GZIP,
                            spooled.bytes(), bytes, spooled.sha256());
                }
                case ZIP -> {
                    Path target = TempFiles.create(workDir, "report-");
                    created.add(target);
                    Unpacker.Unzipped unzipped = unpacker.unzip(upload, spooled.bytes(), allowed, target);
                    yield new StoredReport(target, declared.fileName(), unzipped.reportName(), Compression.ZIP,
                            spooled.bytes(), unzipped.bytes(), spooled.sha256());
                }
            };
            if (!report.path().equals(upload)) {
                Files.delete(upload);
            }
            return report;
        } catch (IOException | RuntimeException | Error e) {
            created.forEach(file -> TempFiles.delete(file, e));
            throw e;
        }
    }

    /**
     * Begins receiving one report that a plugin may read while it arrives (see {@link LiveReport}): the
     * name is checked now, the content as it is read; {@link LiveReport#finish()} hands over the stored
     * report, received as {@link #receive} does when it cannot be read live.
     *
     * @throws UndeclaredReportType the name is not a declared type
     */
    public LiveReport live(InputStream body, String fileName, Set<String> allowedExtensions, Path workDir)
            throws IOException {
        return LiveReport.start(this, body, fileName, allowedExtensions, workDir);
    }

    /**
     * Receives an upload of any name to be walked as a whole (test fixtures, build artifacts: C.2/8.5.2),
     * not as one report: spooled, counted against {@link IntakeLimits#maxUploadBytes()} and hashed as
     * {@link #receive} does, its compression detected from the content, and nothing decompressed yet —
     * the reader decompresses behind an {@link ExpansionGuard}. {@code uncompressedBytes} is the upload's
     * size until then. The name is only ever displayed.
     */
    public StoredReport receiveArchive(InputStream body, String fileName, Path workDir) throws IOException {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(workDir, "workDir");
        String name = DeclaredName.sanitise(fileName);
        if (name.isEmpty()) {
            throw UndeclaredReportType.noName(Set.of("*"));
        }
        Path upload = TempFiles.create(workDir, "upload-");
        try {
            Spooled spooled = spool(body, upload);
            Compression actual = Compression.detect(head(upload));
            return new StoredReport(upload, name, name, actual, spooled.bytes(), spooled.bytes(), spooled.sha256());
        } catch (IOException | RuntimeException | Error e) {
            TempFiles.delete(upload, e);
            throw e;
        }
    }

    /** The compression to undo: what the content is, provided that the name does not contradict it. */
    private static Compression check(DeclaredName declared, Compression actual) {
        return switch (declared.compression()) {
            case GZIP -> {
                if (actual != Compression.GZIP) {
                    throw UndeclaredReportType.notGzip(declared.fileName());
                }
                yield actual;
            }
            case ZIP -> {
                if (actual != Compression.ZIP) {
                    throw UndeclaredReportType.notZip(declared.fileName());
                }
                yield actual;
            }
            case NONE -> {
                if (actual == Compression.ZIP) {
                    throw UndeclaredReportType.zipMisnamed(declared.fileName());
                }
                yield actual;
            }
        };
    }

    private record Spooled(long bytes, String sha256) {
    }

    /** Copies at most {@code maxUploadBytes + 1} bytes of the body, then refuses. */
    private Spooled spool(InputStream body, Path file) throws IOException {
        MessageDigest sha256 = sha256();
        long max = limits.maxUploadBytes();
        long total = 0;
        byte[] buffer = new byte[Unpacker.BUFFER];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int n = body.read(buffer, 0, chunk(buffer, max, total)); n != -1;
                    n = body.read(buffer, 0, chunk(buffer, max, total))) {
                total += n;
                if (total > max) {
                    throw new UploadTooLarge(max);
                }
                sha256.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        return new Spooled(total, HexFormat.of().formatHex(sha256.digest()));
    }

    private static int chunk(byte[] buffer, long max, long total) {
        return (int) Math.min(buffer.length, max - total + 1);
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(4);
        }
    }

    /** A fresh SHA-256 digest (also for {@link LiveReport}). */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
