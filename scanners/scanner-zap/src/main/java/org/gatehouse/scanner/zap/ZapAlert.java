package org.gatehouse.scanner.zap;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.gatehouse.scanner.api.Fingerprint;
import org.gatehouse.scanner.api.Location;
import org.gatehouse.scanner.api.ReportedFinding;
import org.gatehouse.scanner.api.Severity;

/**
 * One ZAP alert with its instances, as both report formats state it. Each instance becomes a
 * finding. Identity ({@code zap:v1}): SHA-256 of plugin id, normalised URL (scheme, host, port,
 * path, sorted query parameter names; values dropped), method and parameter.
 */
final class ZapAlert {
    static final int MAX_INSTANCES = 10_000;

    String pluginId = "";
    String name = "";
    int riskCode = 0;
    String description = "";
    String solution = "";
    Optional<Integer> cwe = Optional.empty();
    final List<Instance> instances = new ArrayList<>();

    /** Where ZAP saw the alert. */
    record Instance(String uri, String method, String param, String attack, String evidence) {
    }

    /** Hands each instance to the sink as a finding; the plugin id has been checked. */
    void emit(String version, String site, Consumer<ReportedFinding> sink) {
        List<Instance> each = instances.isEmpty() ? List.of(new Instance(site, "", "", "", "")) : instances;
        for (Instance instance : each) {
            Location.Url location = new Location.Url(instance.uri(), nonBlank(instance.method()), nonBlank(instance.param()));
            String identity = String.join("\n", pluginId, normaliseUrl(instance.uri()),
                    instance.method().toUpperCase(java.util.Locale.ROOT), instance.param());
            StringBuilder detail = new StringBuilder(description);
            if (!instance.attack().isBlank()) {
                detail.append("\n\nAttack: ").append(instance.attack());
            }
            if (!instance.evidence().isBlank()) {
                detail.append("\nEvidence: ").append(instance.evidence());
            }
            if (!solution.isBlank()) {
                detail.append("\n\nSolution: ").append(solution);
            }
            sink.accept(new ReportedFinding("OWASP ZAP", version, pluginId, name, severity(riskCode), cwe, location,
                    detail.toString(), Fingerprint.of("zap:v1", identity), Optional.empty()));
        }
    }

    /** Adds an instance; false, and nothing added, when the alert already has {@value #MAX_INSTANCES}. */
    boolean add(Instance instance) {
        if (instances.size() >= MAX_INSTANCES) {
            return false;
        }
        return instances.add(instance);
    }

    static Severity severity(int riskCode) {
        return switch (riskCode) {
            case 3 -> Severity.HIGH;
            case 2 -> Severity.MEDIUM;
            case 1 -> Severity.LOW;
            default -> Severity.INFO;
        };
    }

    static Optional<Integer> cwe(String text) {
        try {
            int value = Integer.parseInt(text.strip());
            return value > 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static int number(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Scheme, host, port and path, with the query's parameter names sorted and its values dropped. */
    static String normaliseUrl(String url) {
        try {
            URI uri = URI.create(url.strip());
            String query = uri.getRawQuery() == null ? "" : Arrays.stream(uri.getRawQuery().split("&"))
                    .map(pair -> pair.split("=", 2)[0]).filter(n -> !n.isEmpty()).sorted().distinct()
                    .collect(Collectors.joining("&"));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return scheme + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + path + (query.isEmpty() ? "" : "?" + query);
        } catch (IllegalArgumentException e) {
            int question = url.indexOf('?');
            return question < 0 ? url : url.substring(0, question);
        }
    }

    private static Optional<String> nonBlank(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text);
    }

}
