package org.gatehouse.findings.importing;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a pushed report's build ran, besides its commit and build id (issue 7: "the push carries the report plus build
 * context"): the branch, the pipeline run's address and the SHA-256 of the artifact that was scanned. Each is optional
 * and checked: a branch is a git ref name (no spaces or control characters), the address an absolute http(s) URL
 * without credentials, the digest 64 hex digits.
 */
public record BuildContext(Optional<String> branch, Optional<String> pipelineUrl, Optional<String> artifactSha256) {
    public static final BuildContext NONE = new BuildContext(Optional.empty(), Optional.empty(), Optional.empty());
    private static final Pattern BRANCH = Pattern.compile("[\\p{Graph}&&[^~^:?*\\[\\\\]]{1,200}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_URL = 2000;

    public BuildContext {
        branch = present(branch);
        if (branch.isPresent() && !BRANCH.matcher(branch.get()).matches()) {
            throw new ImportRequest.Invalid("import.branch-invalid");
        }
        pipelineUrl = present(pipelineUrl);
        if (pipelineUrl.isPresent() && !isWebAddress(pipelineUrl.get())) {
            throw new ImportRequest.Invalid("import.pipeline-url-invalid");
        }
        artifactSha256 = present(artifactSha256).map(d -> d.toLowerCase(Locale.ROOT));
        if (artifactSha256.isPresent() && !SHA256.matcher(artifactSha256.get()).matches()) {
            throw new ImportRequest.Invalid("import.artifact-sha256-invalid");
        }
    }

    private static Optional<String> present(Optional<String> value) {
        return value.map(String::strip).filter(v -> !v.isEmpty());
    }

    private static boolean isWebAddress(String text) {
        if (text.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
