package org.gatehouse.scanner.core.intake;

import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/** Limits and extensions as a CI user reads them in a message ("200 MiB", ".json, .sarif"). */
final class Sizes {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Sizes() {
    }

    static String human(long bytes) {
        int unit = 0;
        while (unit < UNITS.length - 1 && bytes >= 1L << (10 * (unit + 1))) {
            unit++;
        }
        long scale = 1L << (10 * unit);
        if (bytes % scale == 0) {
            return bytes / scale + " " + UNITS[unit];
        }
        return String.format(Locale.ROOT, "%.1f %s", bytes / (double) scale, UNITS[unit]);
    }

    static String extensions(Collection<String> extensions) {
        return extensions.stream().sorted().map(e -> "." + e).collect(Collectors.joining(", "));
    }
}
