package org.gatehouse.scanner.core.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;
import org.junit.jupiter.api.function.Executable;

/** Builds uploads for the intake tests: gzip, zip and lazily generated streams. */
final class Uploads {
    static final String SARIF = "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"t\"}},\"results\":[]}]}";

    private Uploads() {
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** {@code bytes} zeros, gzip-compressed without ever holding them: about 1000:1. */
    static byte[] gzippedZeros(long bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 64 * 1024)) {
            writeZeros(gz, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A zip of the given entries in order; a name ending with {@code /} is a directory, its content ignored. */
    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                if (!entry.getKey().endsWith("/")) {
                    zip.write(entry.getValue());
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Name, content, name, content... in order. */
    static Map<String, byte[]> entries(String... namesAndContents) {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            entries.put(namesAndContents[i], utf8(namesAndContents[i + 1]));
        }
        return entries;
    }

    /** A zip with one entry of {@code bytes} zeros, deflated as it is written. */
    static byte[] zippedZeros(String name, long bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            writeZeros(zip, bytes);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeZeros(java.io.OutputStream out, long bytes) throws IOException {
        byte[] zeros = new byte[64 * 1024];
        for (long left = bytes; left > 0; left -= zeros.length) {
            out.write(zeros, 0, (int) Math.min(zeros.length, left));
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }

    /** Asserts the refusal's problem type and message key, and that no temp file is left behind. */
    static <T extends DomainException> T assertRefused(Class<T> exception, ProblemType type, String key,
            Path workDir, Executable receive) throws IOException {
        T refused = assertThrows(exception, receive);
        assertEquals(type, refused.type());
        assertEquals(key, refused.messageKey());
        assertEquals(List.of(), files(workDir), "temp files left behind");
        return refused;
    }

    /**
     * A stream of {@code size} bytes of 'a' produced on demand, counting what was read. Reading past
     * the tripwire fails the test at once, so a broken limit cannot fill the disk.
     */
    static final class Lazy extends InputStream {
        private final long size;
        private final long tripwire;
        private long served;

        Lazy(long size) {
            this(size, size);
        }

        Lazy(long size, long tripwire) {
            this.size = size;
            this.tripwire = tripwire;
        }

        private void check() {
            if (served > tripwire) {
                throw new AssertionError("read " + served + " bytes, past the tripwire at " + tripwire);
            }
        }

        long served() {
            return served;
        }

        @Override
        public int read() {
            if (served >= size) {
                return -1;
            }
            served++;
            check();
            return 'a';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (served >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - served);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'a');
            served += n;
            check();
            return n;
        }
    }
}
