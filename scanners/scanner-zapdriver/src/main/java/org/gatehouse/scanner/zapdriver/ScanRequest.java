package org.gatehouse.scanner.zapdriver;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** What to scan and how: target, context, authentication, AJAX spider wish, policy, time limit, report file. */
public record ScanRequest(URI target, ScanContext context, Optional<Authentication> authentication,
        boolean ajaxSpider, Optional<String> policy, Duration timeout, Path reportFile) {

    public ScanRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(reportFile, "reportFile");
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || target.getHost() == null) {
            throw new IllegalArgumentException("the target must be an absolute http(s) URL, not " + target);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        policy = policy.filter(p -> !p.isBlank());
    }

    /** Everything under the target, classic spider only, the default policy, at most 8 hours. */
    public static ScanRequest of(URI target, Path reportFile) {
        return new ScanRequest(target, ScanContext.under(target), Optional.empty(), false, Optional.empty(),
                Duration.ofHours(8), reportFile);
    }

    public ScanRequest withContext(ScanContext newContext) {
        return new ScanRequest(target, newContext, authentication, ajaxSpider, policy, timeout, reportFile);
    }

    public ScanRequest withAuthentication(Authentication newAuthentication) {
        return new ScanRequest(target, context, Optional.of(newAuthentication), ajaxSpider, policy, timeout, reportFile);
    }

    /** Also run the AJAX spider after the classic one, when ZAP has the add-on. */
    public ScanRequest withAjaxSpider() {
        return new ScanRequest(target, context, authentication, true, policy, timeout, reportFile);
    }

    public ScanRequest withPolicy(String newPolicy) {
        return new ScanRequest(target, context, authentication, ajaxSpider, Optional.of(newPolicy), timeout, reportFile);
    }

    public ScanRequest withTimeout(Duration newTimeout) {
        return new ScanRequest(target, context, authentication, ajaxSpider, policy, newTimeout, reportFile);
    }
}
