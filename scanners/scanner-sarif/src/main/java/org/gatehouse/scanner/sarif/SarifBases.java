package org.gatehouse.scanner.sarif;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Repository-relative paths of SARIF artifact locations, with the run's {@code originalUriBaseIds}
 * (SARIF 2.1.0 §3.4.4, §3.14.14): a relative {@code uri} is relative to the base its
 * {@code uriBaseId} names, and a base may itself be relative to another base.
 * <ul>
 * <li>A relative uri is taken relative to its checkout root: a base named like one
 * ({@code SRCROOT}, {@code %SRCROOT%}, {@code PROJECT_ROOT}, {@code PROJECTROOT}, any case), a base
 * whose uri is absolute, or a base the log does not define. Relative bases between the uri and
 * that root are put before it: {@code list.h} in base {@code LIB} = {@code lib/} relative to
 * {@code PROJECTROOT} is {@code lib/list.h}.</li>
 * <li>An absolute uri under the absolute uri of such a root is taken relative to the deepest one.</li>
 * <li>An absolute uri under no root keeps what follows its first {@code src/} segment (the habit of
 * most build layouts), else its whole path without the {@code file://} scheme, so that two files
 * of one name in different directories never collide.</li>
 * </ul>
 * Every path has forward slashes, no percent-escapes and no leading {@code ./}.
 */
final class SarifBases {
    /** A run without {@code originalUriBaseIds}. */
    static final SarifBases NONE = new SarifBases(Map.of());
    /** The most bases kept of one run. */
    static final int MAX_BASES = 1_000;
    private static final Set<String> CHECKOUT_ROOTS = Set.of("SRCROOT", "PROJECT_ROOT", "PROJECTROOT");
    private static final Pattern DRIVE = Pattern.compile("[A-Za-z]:/");
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*");

    /** One base: its uri (empty when the log leaves it to the consumer) and the base it is relative to. */
    record Base(String uri, Optional<String> parent) {
    }

    private final Map<String, Base> bases;
    /** The absolute paths of the checkout roots, deepest first, each ending with a slash. */
    private final List<String> roots;

    private SarifBases(Map<String, Base> bases) {
        this.bases = bases;
        List<String> absolute = new ArrayList<>();
        for (String name : bases.keySet()) {
            if (checkoutRoot(name) || absolute(bases.get(name).uri())) {
                resolved(name).map(SarifBases::directory).ifPresent(absolute::add);
            }
        }
        absolute.sort(Comparator.comparingInt(String::length).reversed());
        this.roots = List.copyOf(absolute);
    }

    static SarifBases of(JsonNode originalUriBaseIds) {
        Map<String, Base> bases = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = originalUriBaseIds.fields();
        while (fields.hasNext() && bases.size() < MAX_BASES) {
            Map.Entry<String, JsonNode> field = fields.next();
            bases.put(field.getKey(), new Base(SarifTool.text(field.getValue(), "uri").map(String::strip).orElse(""),
                    SarifTool.text(field.getValue(), "uriBaseId")));
        }
        return bases.isEmpty() ? NONE : new SarifBases(bases);
    }

    /** The repository-relative path of an artifact location's uri. */
    String path(String uri, Optional<String> uriBaseId) {
        if (plainRelative(uri)) {
            String prefix = uriBaseId.map(this::prefix).orElse("");
            return prefix.isEmpty() ? uri : relative(prefix + uri); // the usual case, without URI parsing
        }
        return parsedPath(uri, uriBaseId);
    }

    /** {@link #path} by parsing the uri (what the shortcut for plain relative paths must agree with). */
    String parsedPath(String uri, Optional<String> uriBaseId) {
        Optional<String> absolute = absolutePath(uri);
        if (absolute.isPresent()) {
            for (String root : roots) {
                if (absolute.get().startsWith(root)) {
                    return relative(absolute.get().substring(root.length()));
                }
            }
            return withoutCheckoutPrefix(absolute.get());
        }
        if (otherScheme(uri)) {
            return uri; // https://…: absolute, no base applies (§3.4.4), kept as written
        }
        return relative(uriBaseId.map(this::prefix).orElse("") + uri);
    }

    /**
     * Whether a uri's path can be told now, before the run's bases are read: a relative uri without
     * a base, or with a base named as a checkout root.
     */
    static boolean independentOfBases(String uri, Optional<String> uriBaseId) {
        if (uriBaseId.isEmpty() && plainRelative(uri)) {
            return true; // the usual case, without parsing
        }
        if (absolutePath(uri).isPresent()) {
            return false;
        }
        return otherScheme(uri) || uriBaseId.isEmpty() || checkoutRoot(uriBaseId.get());
    }

    /** The relative bases between a base and its checkout root, outermost first ("" for a root). */
    private String prefix(String name) {
        Deque<String> parts = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        Optional<String> current = Optional.of(name);
        while (current.isPresent() && !checkoutRoot(current.get()) && seen.add(current.get())) {
            Base base = bases.get(current.get());
            if (base == null || base.uri().isEmpty() || absolute(base.uri())) {
                break;
            }
            parts.addFirst(base.uri().endsWith("/") ? base.uri() : base.uri() + "/");
            current = base.parent();
        }
        return String.join("", parts);
    }

    /** A base's absolute uri, through the bases it is relative to; empty when its chain ends undefined. */
    private Optional<String> resolved(String name) {
        StringBuilder relative = new StringBuilder();
        Set<String> seen = new HashSet<>();
        Optional<String> current = Optional.of(name);
        while (current.isPresent() && seen.add(current.get())) {
            Base base = bases.get(current.get());
            if (base == null || base.uri().isEmpty()) {
                return Optional.empty();
            }
            String uri = base.uri().endsWith("/") ? base.uri() : base.uri() + "/";
            if (absolute(uri)) {
                return absolutePath(uri + relative);
            }
            relative.insert(0, uri);
            current = base.parent();
        }
        return Optional.empty();
    }

    static boolean checkoutRoot(String name) {
        String bare = name.strip();
        if (bare.length() > 1 && bare.startsWith("%") && bare.endsWith("%")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        return CHECKOUT_ROOTS.contains(bare.toUpperCase(Locale.ROOT));
    }

    private static boolean absolute(String uri) {
        return absolutePath(uri).isPresent() || otherScheme(uri);
    }

    /** A uri with a scheme other than {@code file} ({@code https:}); a drive letter is no scheme. */
    private static boolean otherScheme(String uri) {
        return SCHEME.matcher(uri).matches() && !DRIVE.matcher(uri.replace('\\', '/')).lookingAt()
                && !uri.regionMatches(true, 0, "file:", 0, 5);
    }

    /** A repository-relative path without a base: what {@link #path} gives in a run without bases. */
    static String normalisePath(String uri) {
        return NONE.path(uri, Optional.empty());
    }

    /**
     * The path of an absolute uri or file name, with forward slashes: {@code /home/x}, {@code C:/x},
     * {@code //host/share/x}; decoded when it is a valid URI; empty for a relative one or another
     * scheme than {@code file}.
     */
    static Optional<String> absolutePath(String uri) {
        String slashed = uri.replace('\\', '/');
        boolean file = uri.regionMatches(true, 0, "file:", 0, 5);
        boolean drive = DRIVE.matcher(slashed).lookingAt();
        if (!file && !drive && !slashed.startsWith("/")) {
            return Optional.empty();
        }
        String path = slashed;
        if (!drive) {
            try {
                URI parsed = URI.create(uri.replace(" ", "%20"));
                String authority = parsed.getRawAuthority() == null || parsed.getRawAuthority().isEmpty() ? ""
                        : "//" + parsed.getAuthority();
                path = authority + (parsed.getPath() == null ? "" : parsed.getPath());
            } catch (IllegalArgumentException e) {
                // not a valid URI (a backslash, a stray %): the path as written
                path = file ? slashed.substring(5).replaceFirst("^//(?=/|[A-Za-z]:/)", "") : slashed;
            }
        }
        if (path.length() > 2 && path.charAt(0) == '/' && DRIVE.matcher(path).region(1, path.length()).lookingAt()) {
            path = path.substring(1); // file:///C:/x
        }
        if (DRIVE.matcher(path).lookingAt()) {
            path = Character.toUpperCase(path.charAt(0)) + path.substring(1);
        }
        return Optional.of(path);
    }

    /** What follows the first {@code src/} segment, else the whole absolute path. */
    private static String withoutCheckoutPrefix(String absolute) {
        int source = absolute.indexOf("/src/");
        return source >= 0 ? absolute.substring(source + 1) : absolute;
    }

    private static String directory(String absolute) {
        return absolute.endsWith("/") ? absolute : absolute + "/";
    }

    /**
     * A relative reference: decoded when it is a valid URI (its query and fragment dropped), forward
     * slashes, no leading {@code ./}. Another scheme ({@code https:}) is kept as written.
     */
    static String relative(String uri) {
        String path = uri;
        try {
            URI parsed = URI.create(uri.replace(" ", "%20"));
            if (parsed.getScheme() == null && parsed.getPath() != null) {
                path = parsed.getPath();
            }
        } catch (IllegalArgumentException e) {
            // not a valid URI (a backslash, a stray %): as written
        }
        path = path.replace('\\', '/');
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        return path;
    }

    /**
     * A relative path of letters, digits, {@code / . _ -} only, not starting with {@code /} or {@code ./}: no scheme,
     * authority, query, fragment, escape, backslash or drive, so {@link #path} keeps it as it is.
     */
    static boolean plainRelative(String uri) {
        if (uri.isEmpty() || uri.charAt(0) == '/' || uri.startsWith("./")) {
            return false;
        }
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '.'
                    || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
