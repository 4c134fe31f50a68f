package org.gatehouse.scanner.zap;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gatehouse.scanner.api.Fingerprint;
import org.gatehouse.scanner.api.Location;
import org.gatehouse.scanner.api.ReportedFinding;
import org.gatehouse.scanner.api.Severity;

/**
 * One ZAP alert with its instances, as both report formats state it. Each instance becomes a
 * finding. Identity ({@code zap:v2}): SHA-256 of plugin id, the URL's path with its query's
 * parameter names sorted (values dropped), method and parameter. Scheme, host and port are not part
 * of it: the same application scanned on another host or port keeps its findings ({@code zap:v1}
 * kept them, ADR 0006 amendment of 2026-12-03).
 */
final class ZapAlert {
    static final int MAX_INSTANCES = 10_000;

    private static final Pattern RISK_AND_CONFIDENCE = Pattern.compile("(.+?)\\s*\\((.+)\\)");
    private static final List<String> RISKS = List.of("Informational", "Low", "Medium", "High");
    private static final List<String> CONFIDENCES = List.of("False Positive", "Low", "Medium", "High", "Confirmed");

    String pluginId = "";
    String alertRef = "";
    String name = "";
    int riskCode = 0;
    /** ZAP's confidence code (0 false positive … 4 confirmed), -1 when the report has none. */
    int confidence = -1;
    /** "High (Medium)": the risk and the confidence in ZAP's words, in every format and version. */
    String riskDescription = "";
    /** The confidence in ZAP's words, only in the XML of ZAP ≥ 2.11. */
    String confidenceDescription = "";
    String description = "";
    String solution = "";
    /** Other information given for the whole alert (ZAP before 2.12 had it only there). */
    String otherInfo = "";
    Optional<Integer> cwe = Optional.empty();
    Optional<Integer> wasc = Optional.empty();
    final List<Instance> instances = new ArrayList<>();

    /** Where ZAP saw the alert, and what it sent and found there. */
    record Instance(String uri, String method, String param, String attack, String evidence, String otherInfo) {
    }

    /** Hands each instance to the sink as a finding; the plugin id has been checked. */
    void emit(String version, String site, Consumer<ReportedFinding> sink) {
        List<Instance> each = instances.isEmpty() ? List.of(new Instance(site, "", "", "", "", "")) : instances;
        for (Instance instance : each) {
            Location.Url location = new Location.Url(instance.uri(), nonBlank(instance.method()), nonBlank(instance.param()));
            String identity = String.join("\n", pluginId, identityPath(instance.uri()),
                    instance.method().toUpperCase(java.util.Locale.ROOT), instance.param());
            // the instance's attack and evidence are details of their own (stored per occurrence, shown by key)
            StringBuilder detail = new StringBuilder(description);
            if (!solution.isBlank()) {
                detail.append("\n\nSolution: ").append(solution);
            }
            sink.accept(new ReportedFinding("OWASP ZAP", version, pluginId, name, severity(riskCode), cwe, location,
                    detail.toString(), Fingerprint.of("zap:v2", identity), Optional.empty(), details(instance)));
        }
    }

    /** The details of one instance (keys documented on {@link ReportedFinding}); the same from XML, JSON and JSON-plus. */
    Map<String, String> details(Instance instance) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("plugin-id", pluginId);
        if (!alertRef.equals(pluginId)) {
            details.put("alert-ref", alertRef);
        }
        Matcher words = RISK_AND_CONFIDENCE.matcher(riskDescription.strip());
        boolean described = words.matches();
        details.put("risk", described ? words.group(1) : riskCode >= 0 && riskCode < RISKS.size() ? RISKS.get(riskCode) : "");
        details.put("confidence", described ? words.group(2) : !confidenceDescription.isBlank() ? confidenceDescription
                : confidence >= 0 && confidence < CONFIDENCES.size() ? CONFIDENCES.get(confidence) : "");
        wasc.ifPresent(id -> details.put("wasc", id.toString()));
        details.put("attack", instance.attack());
        details.put("evidence", instance.evidence());
        details.put("other-info", instance.otherInfo().isBlank() ? otherInfo : instance.otherInfo());
        return details;
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

    /** A CWE or WASC id; ZAP writes 0 or -1 for none. */
    static Optional<Integer> cwe(String text) {
        try {
            int value = Integer.parseInt(text.strip());
            return value > 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static int number(String text) {
        return number(text, 0);
    }

    static int number(String text, int otherwise) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /**
     * What identifies a URL across scans: its path ({@code /} when empty), with the query's parameter
     * names sorted and without duplicates, their values dropped; no scheme, host, port or fragment.
     * {@code http://shop:8080/search?q=1&page=2} → {@code /search?page&q}.
     */
    static String identityPath(String url) {
        String text = url.strip();
        String path;
        String query;
        try {
            URI uri = URI.create(text);
            path = uri.getRawPath();
            query = uri.getRawQuery();
            if (uri.isOpaque()) { // "mailto:…", "javascript:…": nothing hierarchical to keep but the whole
                path = uri.getRawSchemeSpecificPart();
            }
        } catch (IllegalArgumentException e) {
            // not a valid URI (ZAP keeps what the browser sent): cut it by hand
            int hash = text.indexOf('#');
            String noFragment = hash < 0 ? text : text.substring(0, hash);
            int question = noFragment.indexOf('?');
            path = question < 0 ? noFragment : noFragment.substring(0, question);
            query = question < 0 ? null : noFragment.substring(question + 1);
            int authority = path.indexOf("://");
            if (authority >= 0) {
                int slash = path.indexOf('/', authority + 3);
                path = slash < 0 ? "" : path.substring(slash);
            }
        }
        String names = query == null ? "" : Arrays.stream(query.split("&"))
                .map(pair -> pair.split("=", 2)[0]).filter(n -> !n.isEmpty()).sorted().distinct()
                .collect(Collectors.joining("&"));
        return (path == null || path.isEmpty() ? "/" : path) + (names.isEmpty() ? "" : "?" + names);
    }

    private static Optional<String> nonBlank(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text);
    }

}
