package org.gatehouse.issuetracker.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way adapters talk HTTP: {@code java.net.http} with a connect timeout and a deadline for
 * the whole exchange (slowly trickled bodies included), answers capped at {@code maxResponseBytes},
 * redirects never followed (a 3xx is an error: nothing is sent on to another host), the
 * {@link AddressPolicy} checked before each request, JSON read with bounded nesting, and failures
 * classified as {@link TrackerCallFailed}. Thread-safe; one per server.
 */
public final class TrackerHttp {
    /** Limits of one client. */
    public record Settings(Duration connectTimeout, Duration requestTimeout, int maxResponseBytes, AddressPolicy policy) {
        public static Settings defaults(AddressPolicy policy) {
            return new Settings(Duration.ofSeconds(5), Duration.ofSeconds(20), 2 * 1024 * 1024, policy);
        }
    }

    /** The body of an answer cut off at the cap (compared by identity). */
    private static final byte[] OVERSIZED = new byte[0];
    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1_000_000).build())
            .build());
    private final Settings settings;
    private final HttpClient client;

    public TrackerHttp(Settings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).proxy(HttpClient.Builder.NO_PROXY).build();
    }

    public Settings settings() {
        return settings;
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
        settings.policy().check(uri);
        String where = method + " " + uri.getScheme() + "://" + uri.getAuthority() + uri.getRawPath();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .header("Authorization", credential.authorization()).header("Accept", "application/json")
                .header("User-Agent", "Gatehouse");
        headers.forEach(request::setHeader);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            byte[] bytes;
            try {
                bytes = JSON.writeValueAsBytes(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a request body always serialises", e);
            }
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
        }
        java.util.concurrent.atomic.AtomicBoolean oversized = new java.util.concurrent.atomic.AtomicBoolean();
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request.build(), info -> new CappedBody(
                settings.maxResponseBytes(), info.headers().firstValueAsLong("content-length"), oversized));
        HttpResponse<byte[]> response;
        try {
            // the request timeout covers the headers; this deadline also covers a body trickled slowly
            response = pending.get(settings.requestTimeout().toMillis() + settings.connectTimeout().toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new TrackerCallFailed(TrackerCallFailed.Problem.TIMEOUT, where + " did not answer within "
                    + settings.requestTimeout().toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.cancel(true);
            throw new TrackerCallFailed(TrackerCallFailed.Problem.TIMEOUT, where + " interrupted");
        } catch (CancellationException e) {
            throw new TrackerCallFailed(TrackerCallFailed.Problem.TIMEOUT, where + " cancelled");
        } catch (ExecutionException e) {
            if (oversized.get()) {
                throw tooLarge(where);
            }
            throw classify(where, e.getCause());
        }
        return answer(where, response);
    }

    private TrackerCallFailed tooLarge(String where) {
        return new TrackerCallFailed(TrackerCallFailed.Problem.BAD_RESPONSE, where + " answered with more than "
                + settings.maxResponseBytes() + " bytes");
    }

    private TrackerCallFailed classify(String where, Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return new TrackerCallFailed(TrackerCallFailed.Problem.TIMEOUT, where + ": connecting timed out after "
                    + settings.connectTimeout().toMillis() + " ms");
        }
        if (cause instanceof HttpTimeoutException) {
            return new TrackerCallFailed(TrackerCallFailed.Problem.TIMEOUT, where + " did not answer within "
                    + settings.requestTimeout().toMillis() + " ms");
        }
        if (cause instanceof ConnectException) {
            return new TrackerCallFailed(TrackerCallFailed.Problem.UNREACHABLE, where + ": connection refused or unreachable");
        }
        return new TrackerCallFailed(TrackerCallFailed.Problem.UNREACHABLE, where + " failed: "
                + (cause == null ? "?" : cause.getClass().getSimpleName() + " " + cause.getMessage()));
    }

    private JsonNode answer(String where, HttpResponse<byte[]> response) throws TrackerCallFailed {
        if (response.body() == OVERSIZED) {
            throw tooLarge(where);
        }
        int status = response.statusCode();
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
                || response.headers().firstValue("x-ratelimit-remaining").filter("0"::equals).isPresent())) {
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
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("retry-after").map(String::strip);
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
            Optional<String> reset = response.headers().firstValue("x-ratelimit-reset").filter(v -> v.matches("\\d{1,12}"));
            if (reset.isPresent() && response.headers().firstValue("x-ratelimit-remaining").filter("0"::equals).isPresent()) {
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

    /** Collects a body up to the cap; more cancels the exchange and answers {@link #OVERSIZED}. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int max;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final boolean declaredTooLarge;
        private final java.util.concurrent.atomic.AtomicBoolean oversized;
        private Flow.Subscription subscription;

        CappedBody(int max, java.util.OptionalLong declared, java.util.concurrent.atomic.AtomicBoolean oversized) {
            this.max = max;
            this.oversized = oversized;
            this.declaredTooLarge = declared.isPresent() && declared.getAsLong() > max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (declaredTooLarge) {
                oversized.set(true);
                subscription.cancel();
                result.complete(OVERSIZED);
                return;
            }
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (result.isDone()) {
                    return;
                }
                if (bytes.size() + buffer.remaining() > max) {
                    subscription.cancel();
                    result.complete(OVERSIZED);
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray()); // no effect once OVERSIZED
        }
    }
}
