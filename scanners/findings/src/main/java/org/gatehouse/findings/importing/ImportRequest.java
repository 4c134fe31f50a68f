package org.gatehouse.findings.importing;

import java.util.Optional;
import java.util.regex.Pattern;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/**
 * What a client says about an upload: the scanner plugin that reads it, an optional category that
 * splits one tool's reports into separate scopes (like GitHub's), the commit and build the
 * report came from (build provenance; a newer build verifies fixes), and the rest of the build's context.
 */
public record ImportRequest(String scanner, String category, Optional<String> commit, Optional<String> build,
        BuildContext context) {
    private static final Pattern CATEGORY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,99}");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-fA-F]{7,64}");
    private static final Pattern BUILD = Pattern.compile("[\\p{Graph} ]{1,200}");

    /** A request without branch, pipeline address or artifact digest (uploads by hand, scans Gatehouse runs). */
    public ImportRequest(String scanner, String category, Optional<String> commit, Optional<String> build) {
        this(scanner, category, commit, build, BuildContext.NONE);
    }

    public ImportRequest {
        if (context == null) {
            context = BuildContext.NONE;
        }
        if (scanner == null || scanner.isBlank()) {
            throw new Invalid("import.scanner-required");
        }
        category = category == null ? "" : category.strip();
        if (!category.isEmpty() && !CATEGORY.matcher(category).matches()) {
            throw new Invalid("import.category-invalid");
        }
        commit = commit.map(String::strip).filter(c -> !c.isEmpty()).map(c -> c.toLowerCase(java.util.Locale.ROOT));
        if (commit.isPresent() && !COMMIT.matcher(commit.get()).matches()) {
            throw new Invalid("import.commit-invalid");
        }
        build = build.map(String::strip).filter(b -> !b.isEmpty());
        if (build.isPresent() && !BUILD.matcher(build.get()).matches()) {
            throw new Invalid("import.build-invalid");
        }
    }

    /** A field of the request is malformed. */
    public static final class Invalid extends DomainException {
        private static final long serialVersionUID = 1L;

        Invalid(String key) {
            super(ProblemType.VALIDATION_FAILED, key);
        }
    }
}
