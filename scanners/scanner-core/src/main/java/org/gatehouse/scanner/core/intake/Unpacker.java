package org.gatehouse.scanner.core.intake;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.gatehouse.scanner.core.intake.StoredReport.Compression;

/**
 * Decompresses one level of gzip or zip into a file behind the bomb guards (7.8.3-ds): the total
 * and the ratio to the whole upload are checked after every chunk, before it is written, so a bomb
 * is stopped early; an archive inside the archive is refused by its name and by its first bytes.
 */
final class Unpacker {
    static final int BUFFER = 64 * 1024;

    private final IntakeLimits limits;

    Unpacker(IntakeLimits limits) {
        this.limits = limits;
    }

    /** What a zip held: the base name of its one file and that file's size. */
    record Unzipped(String reportName, long bytes) {
    }

    /** Gunzips (concatenated members included) into {@code target}; returns the bytes written. */
    long gunzip(Path archive, long archiveBytes, String reportName, Path target) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archive), BUFFER)) {
            return copy(in, archiveBytes, reportName, target);
        } catch (ZipException | EOFException e) {
            throw ArchiveRejected.corrupt("gzip");
        }
    }

    /**
     * Extracts the one regular file of a zip into {@code target}. The central directory is read
     * first: too many entries, no file, several files, an undeclared or archive entry are refused
     * before anything is inflated. Entry names are only ever displayed, never used as a path.
     */
    Unzipped unzip(Path archive, long archiveBytes, Set<String> allowed, Path target) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            if (zip.size() > limits.maxZipEntries()) {
                throw ArchiveRejected.tooManyEntries(zip.size(), limits.maxZipEntries());
            }
            ZipEntry report = onlyFile(zip, allowed);
            String name = DeclaredName.sanitise(report.getName());
            if (DeclaredName.isArchiveName(name)) {
                throw ArchiveRejected.nested(name);
            }
            if (DeclaredName.reportExtension(name, allowed).isEmpty()) {
                throw ArchiveRejected.entryType(name, allowed);
            }
            if (report.getSize() > limits.maxUncompressedBytes()) {
                throw ArchiveRejected.tooLarge(limits.maxUncompressedBytes());
            }
            try (InputStream in = zip.getInputStream(report)) {
                return new Unzipped(name, copy(in, archiveBytes, name, target));
            }
        } catch (ZipException | EOFException e) {
            // the JDK refuses encrypted entries when it reads the central directory
            String message = String.valueOf(e.getMessage());
            throw message.contains("encrypted") ? ArchiveRejected.encrypted() : ArchiveRejected.corrupt("zip");
        }
    }

    private static ZipEntry onlyFile(ZipFile zip, Set<String> allowed) {
        ZipEntry file = null;
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
            ZipEntry entry = entries.nextElement();
            if (entry.isDirectory()) {
                continue;
            }
            if (file != null) {
                throw ArchiveRejected.severalFiles(allowed);
            }
            file = entry;
        }
        if (file == null) {
            throw ArchiveRejected.noReport(allowed);
        }
        return file;
    }

    private long copy(InputStream decompressed, long archiveBytes, String name, Path target) throws IOException {
        BufferedInputStream in = new BufferedInputStream(decompressed, BUFFER);
        in.mark(4);
        byte[] head = in.readNBytes(4);
        in.reset();
        if (Compression.detect(head) != Compression.NONE) {
            throw ArchiveRejected.nested(name);
        }
        long ceiling = limits.ratioCeiling(archiveBytes);
        long total = 0;
        byte[] buffer = new byte[BUFFER];
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                total += n;
                if (total > limits.maxUncompressedBytes()) {
                    throw ArchiveRejected.tooLarge(limits.maxUncompressedBytes());
                }
                if (total > ceiling) {
                    throw ArchiveRejected.ratio(limits.maxCompressionRatio());
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }
}
