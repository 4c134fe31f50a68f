package org.gatehouse.scanner.core.secrets;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.gatehouse.scanner.api.AnalysisKind;
import org.gatehouse.scanner.api.Fingerprint;
import org.gatehouse.scanner.api.Location;
import org.gatehouse.scanner.api.ReportParseException;
import org.gatehouse.scanner.api.ReportSource;
import org.gatehouse.scanner.api.ReportedFinding;
import org.gatehouse.scanner.api.ScannerDescriptor;
import org.gatehouse.scanner.api.ScannerPlugin;
import org.gatehouse.scanner.core.intake.ArchiveRejected;
import org.gatehouse.scanner.core.intake.ExpansionGuard;
import org.gatehouse.scanner.core.intake.IntakeLimits;

/**
 * The secrets check over an uploaded file or archive of test fixtures or build artifacts (C.2, 8.5.2),
 * as a scanner plugin that the import pipeline runs like any other, so that its findings are stored
 * all or nothing and follow the normal lifecycle (analysis kind {@link AnalysisKind#SECRETS}, like
 * Gitleaks). It is not registered through {@code ServiceLoader}: it needs the project's
 * {@link KnownKeys}, so the core builds one per check.
 *
 * <p>The upload is walked whole: a zip (jar, war, …) entry by entry, a gzip as its one file, anything
 * else as one file; behind the intake's bomb guards ({@link ExpansionGuard}: entries, total size,
 * ratio). An archive inside the archive is not opened (its bytes are compressed: there is nothing to
 * read in them) — ADR 0022. A finding names the rule, the path in the upload, the line and the
 * registered key that matched; never the matched text.
 */
public final class SecretsCheck implements ScannerPlugin {
    public static final ScannerDescriptor DESCRIPTOR = new ScannerDescriptor("secrets-check", "Gatehouse secrets check",
            AnalysisKind.SECRETS, Set.of("zip", "jar", "war", "ear", "gz", "tgz", "txt", "properties", "yml", "yaml",
                    "json", "xml", "env", "pem", "crt", "key", "sql", "csv", "conf", "cfg", "ini"));
    static final String TOOL = "Gatehouse secrets check";
    static final String SCHEME = "secrets-check:v1";
    /** At most this many findings per check; more means the upload is a credential store, which one finding says too. */
    static final int MAX_HITS = 10_000;
    private static final int MAX_PATH = 500;

    private final KnownKeys keys;
    private final IntakeLimits limits;
    private final long uploadedBytes;

    /**
     * @param limits        the intake limits (uncompressed total, ratio, and entries — the caller raises the
     *                      entry limit for archives of many files)
     * @param uploadedBytes the upload's size as received, for the ratio
     */
    public SecretsCheck(KnownKeys keys, IntakeLimits limits, long uploadedBytes) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.uploadedBytes = uploadedBytes;
    }

    @Override
    public ScannerDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void parse(ReportSource source, Consumer<ReportedFinding> sink) throws ReportParseException {
        ExpansionGuard guard = new ExpansionGuard(limits, uploadedBytes);
        int[] count = {0};
        Consumer<ReportedFinding> bounded = finding -> {
            if (count[0]++ < MAX_HITS) {
                sink.accept(finding);
            }
        };
        try (InputStream raw = source.open(); BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024)) {
            in.mark(4);
            byte[] head = in.readNBytes(4);
            in.reset();
            if (isZip(head)) {
                zip(in, guard, bounded);
            } else if (isGzip(head)) {
                String name = source.name().toLowerCase(java.util.Locale.ROOT).endsWith(".tgz")
                        ? source.name().substring(0, source.name().length() - 4) + ".tar"
                        : source.name().replaceFirst("(?i)\\.gz$", "");
                try (InputStream gunzipped = new GZIPInputStream(in, 64 * 1024)) {
                    file(path(name), guard.guard(gunzipped), bounded);
                } catch (ZipException | EOFException e) {
                    throw ExpansionGuard.corrupt("gzip");
                }
            } else {
                file(path(source.name()), in, bounded);
            }
        } catch (ArchiveRejected e) {
            throw new ReportParseException(e.getMessage());
        } catch (IOException e) {
            throw new ReportParseException("cannot read " + source.name() + ": " + e.getClass().getSimpleName());
        }
    }

    private void zip(InputStream in, ExpansionGuard guard, Consumer<ReportedFinding> sink) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                guard.entry();
                if (entry.isDirectory()) {
                    continue;
                }
                BufferedInputStream content = new BufferedInputStream(guard.guard(zip), 64 * 1024);
                content.mark(4);
                byte[] head = content.readNBytes(4);
                content.reset();
                if (isZip(head) || isGzip(head)) {
                    content.transferTo(java.io.OutputStream.nullOutputStream()); // counted by the guard, not opened
                    continue;
                }
                file(path(entry.getName()), content, sink);
            }
        } catch (ZipException | EOFException e) {
            String message = String.valueOf(e.getMessage());
            throw message.contains("encrypted") ? ExpansionGuard.encrypted() : ExpansionGuard.corrupt("zip");
        }
    }

    private void file(String path, InputStream content, Consumer<ReportedFinding> sink) throws IOException {
        FileScan.scan(content, keys, hit -> sink.accept(finding(path, hit)));
    }

    static ReportedFinding finding(String path, FileScan.Hit hit) {
        CredentialRule rule = hit.rule();
        StringBuilder text = new StringBuilder();
        String title;
        if (hit.key().isPresent()) {
            KnownKeys.Match key = hit.key().get();
            title = rule.title() + " \"" + key.label() + "\" in test data or build";
            text.append("The registered production ").append(rule == CredentialRule.REGISTERED_KEY ? "key" : "secret")
                    .append(" \"").append(key.label()).append("\" (").append(key.id()).append(") is in ")
                    .append(path).append(", line ").append(hit.line())
                    .append(". Production keys and secrets must never be used in development or test (8.5.2, C.2):"
                            + " rotate it in production, and use a test key in the fixtures.");
        } else {
            title = rule.title() + " in test data or build";
            text.append("The secrets check rule ").append(rule.id()).append(" matched ").append(path).append(", line ")
                    .append(hit.line()).append(". Remove the credential; if it is real, revoke and rotate it. The matched"
                            + " text is not stored by Gatehouse.");
        }
        String identity = rule.id() + "\n" + path + "\n" + hit.key().map(KnownKeys.Match::id).orElse("");
        return new ReportedFinding(TOOL, "1", rule.id(), title, rule.severity(), Optional.of(798),
                new Location.Code(path, OptionalInt.of(hit.line()), OptionalInt.of(hit.line()), Optional.empty()),
                text.toString(), Fingerprint.of(SCHEME, identity), Optional.empty());
    }

    /** A path in the upload for display: forward slashes, no control characters, no leading {@code /} or {@code ./}. */
    static String path(String raw) {
        StringBuilder clean = new StringBuilder();
        (raw == null ? "" : raw.replace('\\', '/')).codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .forEach(clean::appendCodePoint);
        String path = clean.toString().strip();
        while (path.startsWith("/") || path.startsWith("./")) {
            path = path.substring(path.startsWith("/") ? 1 : 2);
        }
        if (path.length() > MAX_PATH) {
            path = "…" + path.substring(path.length() - MAX_PATH);
        }
        return path.isEmpty() ? "(unnamed)" : path;
    }

    private static boolean isZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 && head[3] == 4
                || head[2] == 5 && head[3] == 6);
    }

    private static boolean isGzip(byte[] head) {
        return head.length >= 2 && head[0] == (byte) 0x1f && head[1] == (byte) 0x8b;
    }
}
