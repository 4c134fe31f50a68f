package org.gatehouse.documents.generation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The CJK font the PDFs embed (a TrueType font or collection: PDF renderers cannot use woff2, and
 * PDFBox subsets TrueType outlines only). The setting {@code gatehouse.documents.font}
 * ({@code GATEHOUSE_DOCUMENTS_FONT}) names a file; without it the first of the known locations of
 * Debian's WenQuanYi Micro Hei and Noto Sans SC fonts that exists is used ({@code ./gatehouse}
 * installs {@code fonts-wqy-microhei}). ADR 0013 says why it is not a Maven artifact.
 */
public final class DocumentFont {
    public static final String SETTING = "gatehouse.documents.font";

    static final List<Path> KNOWN = List.of(Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/noto/NotoSansSC-Regular.ttf"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"));

    private DocumentFont() {
    }

    /** The configured font when it exists, else the first known one that exists. */
    public static Optional<Path> locate(Optional<String> configured) {
        Optional<Path> chosen = configured.map(String::strip).filter(s -> !s.isEmpty()).map(Path::of);
        if (chosen.isPresent()) {
            return chosen.filter(Files::isReadable);
        }
        return KNOWN.stream().filter(Files::isReadable).findFirst();
    }

    /** As {@link #locate(Optional)}, reading the setting from system properties and the environment. */
    public static Optional<Path> locate() {
        return locate(Optional.ofNullable(System.getProperty(SETTING))
                .or(() -> Optional.ofNullable(System.getenv("GATEHOUSE_DOCUMENTS_FONT"))));
    }
}
