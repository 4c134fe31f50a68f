package org.gatehouse.scans;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/**
 * The directories on the server under which a CI agent that shares storage may name a build artifact and its
 * dependency jars for a white-box scan instead of uploading them ({@code GATEHOUSE_SCAN_PATH_ROOTS}, separated by
 * commas; none = the feature is off). A requested path must be absolute, free of {@code ..}, and its real path — all
 * symbolic links resolved — must lie under the real path of a root: a link inside a root that points outside it is
 * refused like any path outside. Only readable regular files with a known extension are accepted. Outside, missing
 * and unreadable are one refusal, so that a refusal never tells whether a file outside the roots exists.
 */
public record ScanPathRoots(List<Path> roots) {
    /** The file kinds a scan reads: artifacts, and the dependency jars of its auxiliary classpath. */
    public static final Set<String> ARTIFACTS = Set.of("jar", "war", "ear", "zip");
    public static final Set<String> DEPENDENCIES = Set.of("jar", "zip");

    public ScanPathRoots {
        roots = List.copyOf(roots);
    }

    /** Parses the configured list; a root that is not an existing directory is left out (and so is its subtree). */
    public static ScanPathRoots parse(Optional<String> configured) {
        return new ScanPathRoots(configured.stream().flatMap(c -> java.util.Arrays.stream(c.split(",")))
                .map(String::strip).filter(s -> !s.isEmpty()).map(Path::of).filter(Path::isAbsolute)
                .flatMap(root -> realDirectory(root).stream()).toList());
    }

    public boolean enabled() {
        return !roots.isEmpty();
    }

    /**
     * The real path of a requested file under a root.
     *
     * @throws ScanErrors.Unavailable when no root is configured
     * @throws Refused when the path is relative, has {@code ..}, escapes the roots, is missing, not a regular file or
     *                 of another kind
     */
    public Path resolve(String requested, Set<String> extensions) {
        if (!enabled()) {
            throw new ScanErrors.Unavailable("scan.paths-disabled");
        }
        String text = requested == null ? "" : requested.strip();
        if (text.isEmpty() || text.length() > 4096 || text.chars().anyMatch(Character::isISOControl)) {
            throw new Refused("scan.path-malformed", "");
        }
        Path path;
        try {
            path = Path.of(text);
        } catch (java.nio.file.InvalidPathException e) {
            throw new Refused("scan.path-malformed", "");
        }
        if (!path.isAbsolute()) {
            throw new Refused("scan.path-malformed", text);
        }
        for (Path element : path) {
            if (element.toString().equals("..")) {
                throw new Refused("scan.path-refused", text);
            }
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            throw new Refused("scan.path-refused", text); // missing: said like outside, so nothing is learnt
        }
        if (roots.stream().noneMatch(real::startsWith) || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)
                || !Files.isReadable(real)) {
            throw new Refused("scan.path-refused", text);
        }
        String name = real.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || !extensions.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
            throw new Refused("scan.path-kind", text, String.join(", ", extensions.stream().sorted().toList()));
        }
        return real;
    }

    private static Optional<Path> realDirectory(Path root) {
        try {
            Path real = root.toRealPath();
            return Files.isDirectory(real) ? Optional.of(real) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The path is not one a scan may read. */
    public static final class Refused extends DomainException {
        private static final long serialVersionUID = 1L;

        Refused(String key, Object... arguments) {
            super(ProblemType.VALIDATION_FAILED, key, arguments);
        }
    }
}
