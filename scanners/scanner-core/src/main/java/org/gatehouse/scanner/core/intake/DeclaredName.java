package org.gatehouse.scanner.core.intake;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.gatehouse.scanner.core.intake.StoredReport.Compression;

/**
 * A client file name made safe for display and read for its declared type (7.8.3-dr). The name is
 * untrusted: only its last path segment is kept, control and format characters (such as the
 * right-to-left override) are dropped, and it never becomes part of a path on disk.
 *
 * @param fileName    the sanitised name, e.g. {@code report.sarif.gz}
 * @param compression what the name declares: {@code *.gz} gzip, {@code *.zip} zip, else none
 */
record DeclaredName(String fileName, Compression compression) {
    static final int MAX_LENGTH = 255;
    private static final String GZ = ".gz";
    private static final String ZIP = ".zip";

    /** Reads the name; refused unless it is {@code <stem>.<ext>[.gz]} or {@code <stem>.zip}, case-insensitive. */
    static DeclaredName parse(String raw, Set<String> allowed) {
        String name = sanitise(raw);
        if (name.isEmpty()) {
            throw UndeclaredReportType.noName(allowed);
        }
        if (hasSuffix(name, ZIP)) {
            return new DeclaredName(name, Compression.ZIP);
        }
        if (hasSuffix(name, GZ)) {
            if (reportExtension(withoutGz(name), allowed).isPresent()) {
                return new DeclaredName(name, Compression.GZIP);
            }
            throw UndeclaredReportType.undeclared(name, allowed);
        }
        if (reportExtension(name, allowed).isPresent()) {
            return new DeclaredName(name, Compression.NONE);
        }
        throw UndeclaredReportType.undeclared(name, allowed);
    }

    /** The name of the report once decompressed ({@code report.sarif.gz} becomes {@code report.sarif}). */
    String reportName() {
        return compression == Compression.GZIP && hasSuffix(fileName, GZ) ? withoutGz(fileName) : fileName;
    }

    /** The last path segment without control or format characters, trimmed, at most 255 characters. */
    static String sanitise(String raw) {
        if (raw == null) {
            return "";
        }
        String last = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder(last.length());
        last.codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
                        && Character.getType(c) != Character.SURROGATE && Character.getType(c) != Character.UNASSIGNED)
                .forEach(clean::appendCodePoint);
        String name = clean.toString().strip();
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            // keep the end: the extension decides the type
            name = name.substring(name.offsetByCodePoints(name.length(), -MAX_LENGTH));
        }
        return name.equals(".") || name.equals("..") ? "" : name;
    }

    /** The allowed extension the name ends with, after a non-empty stem. */
    static Optional<String> reportExtension(String name, Set<String> allowed) {
        String lower = name.toLowerCase(Locale.ROOT);
        return allowed.stream().filter(ext -> hasSuffix(lower, "." + ext)).findFirst();
    }

    /** Whether a name is that of an archive this intake knows (for nested archives). */
    static boolean isArchiveName(String name) {
        return hasSuffix(name, GZ) || hasSuffix(name, ZIP);
    }

    /**
     * The plugin's declared extensions in lower case without the dot. An archive suffix is not a
     * report type: a plugin declaring {@code gz} or {@code zip} is a programming error.
     */
    static Set<String> normalise(Set<String> declared) {
        if (declared == null || declared.isEmpty()) {
            throw new IllegalArgumentException("a scanner declares at least one file extension");
        }
        Set<String> extensions = new LinkedHashSet<>();
        for (String extension : declared) {
            String ext = extension == null ? "" : extension.strip().toLowerCase(Locale.ROOT);
            ext = ext.startsWith(".") ? ext.substring(1) : ext;
            if (ext.isEmpty() || ext.equals("gz") || ext.equals("zip") || ext.contains("/") || ext.contains("\\")) {
                throw new IllegalArgumentException("not a report file extension: " + extension);
            }
            extensions.add(ext);
        }
        return Set.copyOf(extensions);
    }

    private static boolean hasSuffix(String name, String suffix) {
        return name.length() > suffix.length()
                && name.regionMatches(true, name.length() - suffix.length(), suffix, 0, suffix.length());
    }

    private static String withoutGz(String name) {
        return name.substring(0, name.length() - GZ.length());
    }
}
