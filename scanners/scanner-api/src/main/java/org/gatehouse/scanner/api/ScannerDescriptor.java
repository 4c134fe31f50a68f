package org.gatehouse.scanner.api;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a plugin is: a stable kebab-case id (the registry key, never a display label), a display
 * name, the kind of analysis, and the file extensions it accepts (7.8.3-dr: declared file types).
 */
public record ScannerDescriptor(String id, String displayName, AnalysisKind kind, Set<String> extensions) {
    private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public ScannerDescriptor {
        if (id == null || !KEBAB.matcher(id).matches()) {
            throw new IllegalArgumentException("a plugin id is kebab-case: " + id);
        }
        if (displayName == null || displayName.isBlank() || kind == null || extensions == null || extensions.isEmpty()) {
            throw new IllegalArgumentException("a plugin needs a display name, a kind and its file extensions");
        }
        extensions = Set.copyOf(extensions);
    }
}
