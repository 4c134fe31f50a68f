package org.gatehouse.issuetracker.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.TreeMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.gatehouse.egress.EgressClient;
import org.gatehouse.egress.EgressFailed;
import org.gatehouse.egress.EgressPolicy;
import org.gatehouse.egress.EgressRequest;
import org.gatehouse.egress.EgressResponse;
import org.gatehouse.egress.NameResolution;

/**
 * The one way adapters talk HTTP: gatehouse-egress's {@link EgressClient}, whose connections go only to
 * addresses the {@link EgressPolicy} checked (resolved once per request; no DNS rebinding between check
 * and connect), with a connect timeout, a response timeout and a deadline for the whole exchange (slowly
 * trickled bodies included), answers capped at {@code maxResponseBytes}, redirects never followed (a 3xx
 * is an error: nothing is sent on to another host), JSON read with bounded nesting, and failures
 * classified as {@link TrackerCallFailed}. Thread-safe; one per server.
 */
public final class TrackerHttp {
    /** Limits of one client. */
    public record Settings(Duration connectTimeout, Duration requestTimeout, int maxResponseBytes, EgressPolicy policy) {
        public static Settings defaults(EgressPolicy policy) {
            return new Settings(Duration.ofSeconds(5), Duration.ofSeconds(20), 2 * 1024 * 1024, policy);
        }
    }

    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1_000_000).build())
            .build());
    private final Settings settings;
    private final EgressClient client;
    private final NameResolution names;

    public TrackerHttp(Settings settings) {
        this(settings, NameResolution.SYSTEM);
    }

    /** With a name resolution of the caller's (tests). */
    public TrackerHttp(Settings settings, NameResolution names) {
        this.settings = settings;
        this.names = names;
        // the request timeout bounds each wait for the tracker; the deadline (as before: request + connect
        // timeout) bounds the whole exchange, a body trickled slowly included
        this.client = new EgressClient(settings.policy(), new EgressClient.Limits(settings.connectTimeout(),
                settings.requestTimeout(), settings.requestTimeout().plus(settings.connectTimeout()),
                settings.maxResponseBytes()), names);
    }

    public Settings settings() {
        return settings;
    }

    /**
     * The address policy alone, for a connection being saved: the URL's form, and every address the host
     * resolves to now (each request checks again, and connects only to what it checked).
     */
    public void checkAddress(URI uri) throws TrackerCallFailed {
        try {
            EgressPolicy.requireHttpUrl(uri);
            settings.policy().resolve(uri.getHost(), names);
        } catch (EgressFailed e) {
            throw classify(String.valueOf(uri), e);
        }
    }

    /** An empty JSON object to fill as a request body. */
    public static com.fasterxml.jackson.databind.node.ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** GET, answered with JSON. */
    public JsonNode get(URI uri, TrackerCredential credential, Map<String, String> headers) throws TrackerCallFailed {
        return exchange("GET", uri, credential, headers, null);
    }

    /** POST a JSON body, answered with JSON (or nothing). */
    public JsonNode post(URI uri, TrackerCredential credential, Map<String, String> headers, JsonNode body)
            throws TrackerCallFailed {
        return exchange("POST", uri, credential, headers, body);
    }

    /** Reads a JSON body (a webhook's) with the same limits as answers. */
    public static JsonNode parse(byte[] body, String what) throws TrackerCallFailed {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isContainerNode()) {
                throw new TrackerCallFailed(TrackerCallFailed.Problem.BAD_RESPONSE, what + " is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new TrackerCallFailed(TrackerCallFailed.Problem.BAD_RESPONSE, what + " is not well-formed JSON (within limits)");
        } catch (IOException e) {
            throw new TrackerCallFailed(TrackerCallFailed.Problem.BAD_RESPONSE, what + " cannot be read");
        }
    }

    private JsonNode exchange(String method, URI uri, TrackerCredential credential, Map<String, String> headers,
            JsonNode body) throws TrackerCallFailed {
        String where = method + " " + uri.getScheme() + "://" + uri.getAuthority() + uri.getRawPath();
        Map<String, String> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        all.put("Authorization", credential.authorization());
        all.put("Accept", "application/json");
        all.put("User-Agent", "Gatehouse");
        Optional<byte[]> bytes = Optional.empty();
        if (body != null) {
            try {
                bytes = Optional.of(JSON.writeValueAsBytes(body));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a request body always serialises", e);
            }
            all.put("Content-Type", "application/json");
        }
        all.putAll(headers); // the adapter's headers win, as HttpRequest.Builder.setHeader did
        EgressResponse response;
        try {
            response = client.send(new EgressRequest(method, uri, all, bytes));
        } catch (EgressFailed e) {
            throw classify(where, e);
        }
        return answer(where, response);
    }

    private TrackerCallFailed tooLarge(String where) {
        return new TrackerCallFailed(TrackerCallFailed.Problem.BAD_RESPONSE, where + " answered with more than "
                + settings.maxResponseBytes() + " bytes");
    }

    private TrackerCallFailed classify(String where, EgressFailed failed) {
        return switch (failed.kind()) {
            case SCHEME -> new TrackerCallFailed(TrackerCallFailed.Problem.ADDRESS_REFUSED,
                    "only http and https tracker addresses are allowed");
            case MALFORMED -> new TrackerCallFailed(TrackerCallFailed.Problem.ADDRESS_REFUSED,
                    "a tracker address has a host name and no user info or fragment");
            case ADDRESS_REFUSED -> new TrackerCallFailed(TrackerCallFailed.Problem.ADDRESS_REFUSED, "the tracker's host "
                    + failed.host() + " resolves to a non-public address (" + failed.refusedAddress().orElse("?")
                    + "); allow it with gatehouse.trackers.allowed-addresses");
            case UNRESOLVABLE -> new TrackerCallFailed(TrackerCallFailed.Problem.UNREACHABLE, "unknown host " + failed.host());
            case CONNECT_TIMEOUT -> new TrackerCallFailed(TrackerCallFailed.Problem.TIMEOUT, where + ": connecting timed out after "
                    + settings.connectTimeout().toMillis() + " ms");
            case TIMEOUT -> new TrackerCallFailed(TrackerCallFailed.Problem.TIMEOUT, where + " did not answer within "
                    + settings.requestTimeout().toMillis() + " ms");
            case UNREACHABLE -> new TrackerCallFailed(TrackerCallFailed.Problem.UNREACHABLE, where
                    + ": connection refused, unreachable or broken off (" + failed.getMessage() + ")");
        };
    }

    private JsonNode answer(String where, EgressResponse response) throws TrackerCallFailed {
        if (response.truncated()) {
            throw tooLarge(where);
        }
        int status = response.status();
        OptionalInt code = OptionalInt.of(status);
        if (status >= 200 && status < 300) {
            byte[] bytes = response.body();
            if (bytes.length == 0) {
                return NullNode.getInstance();
            }
            return parse(bytes, where + "'s answer");
        }
        Optional<Duration> retryAfter = retryAfter(response);
        String detail = errorText(response.body());
        if (status >= 300 && status < 400) {
            throw new TrackerCallFailed(TrackerCallFailed.Problem.BAD_RESPONSE, where + " answered with a redirect (HTTP "
                    + status + "), which is not followed: give the API's own address", code, Optional.empty());
        }
        if (status == 429 || status == 403 && (retryAfter.isPresent()
                || response.header("x-ratelimit-remaining").filter("0"::equals).isPresent())) {
            throw new TrackerCallFailed(TrackerCallFailed.Problem.RATE_LIMITED, where + " is rate limited (HTTP " + status
                    + ")" + retryAfter.map(d -> ", retry after " + d.toSeconds() + " s").orElse(""), code, retryAfter);
        }
        if (status == 401 || status == 403) {
            throw new TrackerCallFailed(TrackerCallFailed.Problem.UNAUTHORIZED, where + " refused the credential (HTTP "
                    + status + ")" + detail, code, Optional.empty());
        }
        if (status == 404 || status == 410) {
            throw new TrackerCallFailed(TrackerCallFailed.Problem.NOT_FOUND, where + ": not found (HTTP " + status + ")",
                    code, Optional.empty());
        }
        if (status >= 500) {
            throw new TrackerCallFailed(TrackerCallFailed.Problem.UNAVAILABLE, where + " is unavailable (HTTP " + status
                    + ")", code, retryAfter);
        }
        throw new TrackerCallFailed(TrackerCallFailed.Problem.REJECTED, where + " refused the request (HTTP " + status + ")"
                + detail, code, Optional.empty());
    }

    /** Retry-After in seconds or as an HTTP date, or GitHub's {@code x-ratelimit-reset}; at most an hour. */
    static Optional<Duration> retryAfter(EgressResponse response) {
        Optional<String> header = response.header("retry-after").map(String::strip);
        Optional<Duration> wait = Optional.empty();
        if (header.isPresent()) {
            String value = header.get();
            if (value.matches("\\d{1,9}")) {
                wait = Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } else {
                try {
                    wait = Optional.of(Duration.between(Instant.now(),
                            ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()));
                } catch (DateTimeParseException e) {
                    wait = Optional.empty();
                }
            }
        } else {
            Optional<String> reset = response.header("x-ratelimit-reset").filter(v -> v.matches("\\d{1,12}"));
            if (reset.isPresent() && response.header("x-ratelimit-remaining").filter("0"::equals).isPresent()) {
                wait = Optional.of(Duration.between(Instant.now(), Instant.ofEpochSecond(Long.parseLong(reset.get()))));
            }
        }
        return wait.map(d -> d.isNegative() ? Duration.ZERO : d).map(d -> d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d);
    }

    /** The tracker's own error text (GitHub {@code message}, Jira {@code errorMessages} and {@code errors}), short and printable. */
    private static String errorText(byte[] body) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                return "";
            }
            StringBuilder text = new StringBuilder();
            if (root.path("message").isTextual()) {
                text.append(root.get("message").asText());
            }
            root.path("errorMessages").forEach(m -> text.append(text.length() > 0 ? "; " : "").append(m.asText()));
            root.path("errors").properties().forEach(e -> text.append(text.length() > 0 ? "; " : "").append(e.getKey())
                    .append(": ").append(e.getValue().asText()));
            String clean = text.toString().replaceAll("[\\p{Cntrl}]", " ").strip();
            if (clean.isEmpty()) {
                return "";
            }
            return ": " + (clean.length() > 300 ? clean.substring(0, 300) + "…" : clean);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
