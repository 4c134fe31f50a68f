package org.gatehouse.scanner.zapdriver;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The ZAP context of a scan: URL regexes to include and to exclude (Java regex syntax, as ZAP uses). */
public record ScanContext(List<String> includes, List<String> excludes) {

    public ScanContext {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        if (includes.isEmpty()) {
            throw new IllegalArgumentException("a scan context includes at least one URL regex");
        }
        for (String regex : includes) {
            compiles(regex);
        }
        for (String regex : excludes) {
            compiles(regex);
        }
    }

    /** Everything under the target URL, nothing else. */
    public static ScanContext under(URI target) {
        return new ScanContext(List.of(Pattern.quote(target.toString()) + ".*"), List.of());
    }

    private static void compiles(String regex) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("not a regular expression: " + regex, e);
        }
    }
}
