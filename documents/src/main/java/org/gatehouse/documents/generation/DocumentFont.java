package org.gatehouse.documents.generation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The CJK font the PDFs embed (a TrueType font or collection: PDF renderers cannot use woff2, and
 * PDFBox subsets TrueType outlines only). The setting {@code gatehouse.documents.font}
 * ({@code GATEHOUSE_DOCUMENTS_FONT}) names a file; without it, Noto Sans SC Regular, which the build
 * fetches from Maven ({@code com.helger.font:ph-fonts-noto-sans-sc}) and bundles, is used (copied once
 * to an owner-only temporary file, as PDFBox parses fonts from files). ADR 0013.
 */
public final class DocumentFont {
    public static final String SETTING = "gatehouse.documents.font";

    static final String BUNDLED = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    private static volatile Path bundled;

    private DocumentFont() {
    }

    /** The configured font when it exists, else the bundled one. */
    public static Optional<Path> locate(Optional<String> configured) {
        Optional<Path> chosen = configured.map(String::strip).filter(s -> !s.isEmpty()).map(Path::of);
        if (chosen.isPresent()) {
            return chosen.filter(Files::isReadable);
        }
        return bundled();
    }

    private static synchronized Optional<Path> bundled() {
        if (bundled != null && Files.isReadable(bundled)) {
            return Optional.of(bundled);
        }
        try (java.io.InputStream in = DocumentFont.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                return Optional.empty();
            }
            Path file = Files.createTempFile("gatehouse-font", ".ttf", java.nio.file.attribute.PosixFilePermissions
                    .asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
            bundled = file;
            return Optional.of(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot unpack the bundled font", e);
        }
    }

    /** As {@link #locate(Optional)}, reading the setting from system properties and the environment. */
    public static Optional<Path> locate() {
        return locate(Optional.ofNullable(System.getProperty(SETTING))
                .or(() -> Optional.ofNullable(System.getenv("GATEHOUSE_DOCUMENTS_FONT"))));
    }
}
