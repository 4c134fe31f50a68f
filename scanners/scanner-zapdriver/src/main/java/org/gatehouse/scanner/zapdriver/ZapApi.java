package org.gatehouse.scanner.zapdriver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.zaproxy.clientapi.core.ApiResponse;
import org.zaproxy.clientapi.core.ApiResponseElement;
import org.zaproxy.clientapi.core.ApiResponseList;
import org.zaproxy.clientapi.core.ApiResponseSet;
import org.zaproxy.clientapi.core.ClientApi;
import org.zaproxy.clientapi.core.ClientApiException;

/**
 * zap-clientapi's typed endpoints ({@code api.spider.scan(..)}) over a transport of our own: ZAP's API
 * addressed directly (http or https, not as a proxy), JSON answers, connect and read timeouts, the API
 * key in the {@code X-ZAP-API-Key} header only, and failures classified as {@link ZapCallFailed}.
 */
final class ZapApi extends ClientApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Calls whose parameters carry a secret (a header token, a user's credentials): sent as form posts. */
    static final java.util.Set<String> CARRY_SECRETS = java.util.Set.of("replacer/action/addRule",
            "users/action/setAuthenticationCredentials");
    private final ZapSettings settings;
    private final Redactor redactor;
    private final HttpClient http;

    ZapApi(ZapSettings settings, Redactor redactor) {
        // ClientApi's own transport (HttpURLConnection through ZAP as a proxy, no timeouts) is never used:
        // both request methods are overridden below, so the address given here is a never-dialled loopback.
        super("127.0.0.1", 1);
        this.settings = settings;
        this.redactor = redactor;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).proxy(HttpClient.Builder.NO_PROXY).build();
    }

    String where() {
        URI base = settings.baseUrl();
        return base.getScheme() + "://" + base.getHost() + (base.getPort() < 0 ? "" : ":" + base.getPort());
    }

    @Override
    public ApiResponse callApi(String requestMethod, String component, String type, String method,
            Map<String, String> params) throws ClientApiException {
        String endpoint = component + "/" + type + "/" + method;
        byte[] body = send("JSON", endpoint, params);
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject() || root.size() == 0) {
                throw notZap(endpoint, "an answer that is not a JSON object");
            }
            if (root.size() == 1) {
                Map.Entry<String, JsonNode> only = root.properties().iterator().next();
                return convert(only.getKey(), only.getValue());
            }
            return convert(endpoint, root);
        } catch (JsonProcessingException e) {
            throw notZap(endpoint, "an answer that is not JSON");
        } catch (IOException e) {
            throw new ZapCallFailed(ZapProblem.IO, "reading ZAP's answer to " + endpoint + " failed", Optional.empty());
        }
    }

    @Override
    public byte[] callApiOther(String requestMethod, String component, String type, String method,
            Map<String, String> params) throws ClientApiException {
        return send("OTHER", component + "/" + type + "/" + method, params);
    }

    private byte[] send(String format, String endpoint, Map<String, String> params) throws ZapCallFailed {
        StringBuilder url = new StringBuilder(settings.baseUrl().toString().replaceAll("/+$", ""));
        url.append('/').append(format).append('/').append(endpoint).append('/');
        StringBuilder query = new StringBuilder();
        if (params != null && !params.isEmpty()) {
            new TreeMap<>(params).forEach((k, v) -> query.append(encode(k)).append('=').append(encode(v)).append('&'));
            query.setLength(query.length() - 1);
        }
        boolean secret = CARRY_SECRETS.contains(endpoint);
        if (!secret && query.length() > 0) {
            url.append('?').append(query);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url.toString())).timeout(settings.readTimeout())
                .header("X-ZAP-API-Key", settings.apiKey().value()).header("Accept", "application/json");
        // a secret never travels in a URL (ZAP, proxies and access logs keep URLs): those calls are form posts
        HttpRequest request = secret ? builder.header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(query.toString(), StandardCharsets.UTF_8)).build()
                : builder.GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw failed(ZapProblem.TIMEOUT, "connecting to ZAP at " + where() + " timed out after "
                    + settings.connectTimeout().toMillis() + " ms");
        } catch (HttpTimeoutException e) {
            throw failed(ZapProblem.TIMEOUT, "ZAP at " + where() + " did not answer " + endpoint + " within "
                    + settings.readTimeout().toMillis() + " ms");
        } catch (ConnectException e) {
            throw failed(ZapProblem.REFUSED, "connection to ZAP at " + where() + " refused or unreachable");
        } catch (IOException e) {
            throw failed(ZapProblem.IO, "talking to ZAP at " + where() + " failed (" + endpoint + "): "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(ZapProblem.IO, "interrupted while waiting for ZAP (" + endpoint + ")");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response.body();
        }
        Optional<JsonNode> zapError = zapError(response.body());
        if (zapError.isPresent()) {
            String code = zapError.get().path("code").asText();
            String text = endpoint + ": " + code + " (" + zapError.get().path("message").asText("")
                    + (zapError.get().hasNonNull("detail") ? ": " + zapError.get().get("detail").asText() : "") + ")";
            if (code.equals("bad_api_key")) {
                throw new ZapCallFailed(ZapProblem.WRONG_API_KEY, redactor.apply("ZAP at " + where()
                        + " rejected the API key (" + code + ")"), Optional.of(code));
            }
            throw new ZapCallFailed(ZapProblem.ZAP_ERROR, redactor.apply("ZAP refused " + text), Optional.of(code));
        }
        if (status == 401 || status == 403) {
            throw failed(ZapProblem.WRONG_API_KEY, "ZAP at " + where() + " rejected the API key (HTTP " + status + ")");
        }
        if (status == 502 || status == 503 || status == 504) {
            throw failed(ZapProblem.IO, "ZAP at " + where() + " is unavailable (HTTP " + status + ")");
        }
        throw notZap(endpoint, "HTTP " + status);
    }

    private static Optional<JsonNode> zapError(byte[] body) {
        try {
            JsonNode root = JSON.readTree(body);
            return Optional.ofNullable(root).filter(r -> r.isObject() && r.path("code").isTextual());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private ZapCallFailed notZap(String endpoint, String what) {
        return failed(ZapProblem.NOT_ZAP, where() + " answered " + endpoint + " with " + what
                + ": is this the address of ZAP's API?");
    }

    private ZapCallFailed failed(ZapProblem problem, String message) {
        return new ZapCallFailed(problem, redactor.apply(message), Optional.empty());
    }

    static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    static String value(ApiResponse response) throws ZapCallFailed {
        if (response instanceof ApiResponseElement element) {
            return element.getValue();
        }
        throw new ZapCallFailed(ZapProblem.NOT_ZAP, "expected a single value from ZAP, got " + response.getName(),
                Optional.empty());
    }

    static int number(ApiResponse response) throws ZapCallFailed {
        String value = value(response);
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ZapCallFailed(ZapProblem.NOT_ZAP, "expected a number from ZAP, got " + response.getName(),
                    Optional.empty());
        }
    }

    /** A call to ZAP's API through zap-clientapi. */
    @FunctionalInterface
    interface ZapCall<T> {
        T call() throws ClientApiException;
    }

    /** ZAP's JSON shapes as zap-clientapi's responses: a scalar, a list or a set of named values. */
    static ApiResponse convert(String name, JsonNode node) {
        if (node.isArray()) {
            List<ApiResponse> items = new ArrayList<>();
            node.forEach(item -> items.add(convert(name, item)));
            return new ApiResponseList(name, items);
        }
        if (node.isObject()) {
            Map<String, ApiResponse> values = new LinkedHashMap<>();
            node.properties().forEach(field -> values.put(field.getKey(), convert(field.getKey(), field.getValue())));
            return new ApiResponseSet(name, values);
        }
        return new ApiResponseElement(name, node.isNull() ? "" : node.asText());
    }
}
