package org.gatehouse.scanner.zapdriver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** ZAP's JSON report written whole or not at all, so an importer never reads half a report. */
final class ReportFile {
    private ReportFile() {
    }

    static boolean looksLikeJsonReport(byte[] report) {
        String start = new String(report, 0, Math.min(report.length, 64), StandardCharsets.UTF_8).strip();
        return start.startsWith("{");
    }

    static void write(Path file, byte[] report) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try {
            Files.write(partial, report);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
