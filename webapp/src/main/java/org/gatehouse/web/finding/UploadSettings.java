package org.gatehouse.web.finding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gatehouse.scanner.core.intake.IntakeLimits;
import org.gatehouse.scanner.core.intake.ReportIntake;

/**
 * Report upload settings: {@code gatehouse.import.max-upload-bytes} (default 200 MiB),
 * {@code .max-uncompressed-bytes} (1 GiB), {@code .max-compression-ratio} (100), {@code .work-dir}
 * (temp files, default {@code <java.io.tmpdir>/gatehouse-imports}) and {@code .wait-ms} (how long an
 * upload waits for its import before answering 202, default 30 s).
 */
@ApplicationScoped
public class UploadSettings {
    @Inject
    @ConfigProperty(name = "gatehouse.import.max-upload-bytes", defaultValue = "209715200")
    long maxUploadBytes;

    @Inject
    @ConfigProperty(name = "gatehouse.import.max-uncompressed-bytes", defaultValue = "1073741824")
    long maxUncompressedBytes;

    @Inject
    @ConfigProperty(name = "gatehouse.import.max-compression-ratio", defaultValue = "100")
    int maxCompressionRatio;

    @Inject
    @ConfigProperty(name = "gatehouse.import.work-dir")
    Optional<String> workDir;

    @Inject
    @ConfigProperty(name = "gatehouse.import.wait-ms", defaultValue = "30000")
    long waitMillis;

    public ReportIntake intake() {
        return new ReportIntake(IntakeLimits.defaults().withMaxUploadBytes(maxUploadBytes)
                .withMaxUncompressedBytes(maxUncompressedBytes).withMaxCompressionRatio(maxCompressionRatio));
    }

    /** The request body cap of an upload: the report plus room for the form's other fields. */
    public long maxRequestBytes() {
        return maxUploadBytes + 1024 * 1024;
    }

    public Duration waitFor() {
        return Duration.ofMillis(waitMillis);
    }

    public Path workDir() {
        Path dir = workDir.filter(d -> !d.isBlank()).map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "gatehouse-imports"));
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the import work directory " + dir, e);
        }
    }
}
