package org.gatehouse.web.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A small HTTP client for the ITs: the real API over the wire, nothing mocked. */
public final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final java.util.concurrent.atomic.AtomicInteger ADDRESSES = new java.util.concurrent.atomic.AtomicInteger();
    private final URI base;
    private final String address;
    private final String sessionCookie;
    private final String csrfToken;
    private final String loginName;
    private String bearer;

    /** An anonymous client with an address of its own (the server trusts the loopback proxy in tests). */
    public Api(URI base) {
        this(base, nextAddress(), null, null, null);
    }

    private Api(URI base, String address, String sessionCookie, String csrfToken, String loginName) {
        this.base = base;
        this.address = address;
        this.sessionCookie = sessionCookie;
        this.csrfToken = csrfToken;
        this.loginName = loginName;
    }

    /** The login name of the session's account. */
    public String loginName() {
        return loginName;
    }

    /** A fresh documentation-range address (RFC 5737), so that per-address throttling stays per test. */
    static String nextAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (n / 250) % 250 + "." + (n % 250 + 1);
    }

    public String address() {
        return address;
    }

    /** The same client without its session. */
    public Api anonymous() {
        return new Api(base, address, null, null, null);
    }

    /** The same client as seen from another address. */
    public Api from(String otherAddress) {
        return new Api(base, otherAddress, sessionCookie, csrfToken, loginName);
    }

    /** The same client authenticating with an API token instead. */
    public Api withToken(String token) {
        Api api = new Api(base, address, null, null, null);
        api.bearer = token;
        return api;
    }

    /** The same client sending another CSRF token (or none). */
    public Api withCsrf(String token) {
        return new Api(base, address, sessionCookie, token, loginName);
    }

    public Optional<String> sessionCookie() {
        return Optional.ofNullable(sessionCookie);
    }

    public Optional<String> csrfToken() {
        return Optional.ofNullable(csrfToken);
    }

    /** Logs in; the returned client carries the session cookie and the CSRF token. */
    public Api login(String login, String password) {
        Reply reply = anonymous().post("/api/v1/session",
                "{\"login\":" + JSON.valueToTree(login) + ",\"password\":" + JSON.valueToTree(password) + "}");
        if (reply.status() != 200) {
            throw new AssertionError("login of " + login + " failed: " + reply);
        }
        String cookie = reply.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("gatehouse_session="))
                .map(c -> c.substring("gatehouse_session=".length(), c.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + reply.headers()));
        return new Api(base, address, cookie, reply.json().get("csrfToken").asText(), login);
    }

    public URI base() {
        return base;
    }

    public Reply get(String path, String... headers) {
        return send("GET", path, null, null, headers);
    }

    public Reply post(String path, String json, String... headers) {
        return send("POST", path, json, "application/json", headers);
    }

    public Reply put(String path, String json, String... headers) {
        return send("PUT", path, json, "application/json", headers);
    }

    /** Sends a request; {@code headers} are name/value pairs. */
    public Reply send(String method, String path, String body, String contentType, String... headers) {
        return sendBody(method, path, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body), contentType, headers);
    }

    /**
     * Uploads a report as {@code multipart/form-data}: the file as the part {@code file}, then the
     * given text fields ({@code scanner}, {@code category}, {@code commit}, {@code build}).
     */
    public Reply upload(String releaseId, String fileName, byte[] content, String... fields) {
        return form("/api/v1/releases/" + releaseId + "/imports", fileName, content, fields);
    }

    /** Uploads a report into the project's release named by the field {@code releaseVersion} (issue 7). */
    public Reply uploadToProject(String project, String fileName, byte[] content, String... fields) {
        return form("/api/v1/projects/" + project + "/imports", fileName, content, fields);
    }

    /** Starts a white-box scan of an artifact ({@code multipart/form-data}, the file last). */
    public Reply scan(String releaseId, String fileName, byte[] content, String... fields) {
        return form("/api/v1/releases/" + releaseId + "/scans", fileName, content, fields);
    }

    /** Any {@code multipart/form-data} upload: the text fields, then the file as the part {@code file}. */
    public Reply postForm(String path, String fileName, byte[] content, String... fields) {
        return form(path, fileName, content, fields);
    }

    public Reply form(String path, String fileName, byte[] content, String... fields) {
        String boundary = "----gatehouse-it-" + Long.toHexString(System.nanoTime());
        return sendBody("POST", path, HttpRequest.BodyPublishers.ofByteArray(formBody(boundary, fileName, content, fields)),
                "multipart/form-data; boundary=" + boundary);
    }

    /** Like {@link #upload}, with request headers ({@code name, value, …}), such as {@code Prefer}. */
    public Reply uploadWithHeaders(String releaseId, String[] headers, String fileName, byte[] content, String... fields) {
        String boundary = "----gatehouse-it-" + Long.toHexString(System.nanoTime());
        return sendBody("POST", "/api/v1/releases/" + releaseId + "/imports",
                HttpRequest.BodyPublishers.ofByteArray(formBody(boundary, fileName, content, fields)),
                "multipart/form-data; boundary=" + boundary, headers);
    }

    /**
     * Like {@link #upload}, but the request body stops in the middle of the report until {@code gate} opens: an upload
     * still arriving, while the test does something else. The reply comes once the rest was sent.
     */
    public java.util.concurrent.CompletableFuture<Reply> uploadInTwoHalves(String releaseId, String fileName,
            byte[] content, java.util.concurrent.CountDownLatch gate, String... fields) {
        String boundary = "----gatehouse-it-" + Long.toHexString(System.nanoTime());
        byte[] body = formBody(boundary, fileName, content, fields);
        int half = body.length - content.length / 2 - ("\r\n--" + boundary + "--\r\n").length();
        URI target = base.resolve("/api/v1/releases/" + releaseId + "/imports");
        // HttpURLConnection in fixed-length streaming mode sends what is written at once (HttpClient may hold it back)
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                java.net.HttpURLConnection connection = (java.net.HttpURLConnection) target.toURL().openConnection();
                connection.setRequestMethod("POST");
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(body.length);
                connection.setReadTimeout(120_000);
                connection.setRequestProperty("Content-Type", "multipart/form-data; boundary=" + boundary);
                connection.setRequestProperty("X-Forwarded-For", address);
                if (bearer != null) {
                    connection.setRequestProperty("Authorization", "Bearer " + bearer);
                }
                if (sessionCookie != null) {
                    connection.setRequestProperty("Cookie", "gatehouse_session=" + sessionCookie);
                }
                if (csrfToken != null) {
                    connection.setRequestProperty("X-CSRF-Token", csrfToken);
                }
                try (java.io.OutputStream out = connection.getOutputStream()) {
                    out.write(body, 0, half);
                    out.flush();
                    if (!gate.await(2, java.util.concurrent.TimeUnit.MINUTES)) {
                        throw new IOException("the gate of a test upload never opened");
                    }
                    out.write(body, half, body.length - half);
                }
                int status = connection.getResponseCode();
                java.io.InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
                String reply = in == null ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                return new Reply(status, java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true), reply);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Like {@link #upload}, but the client stops half-way through the report and closes its side of the connection (a
     * CI job killed mid-upload): the reply to what arrived, read from the still open other side, or empty when the
     * server closed the connection without one.
     */
    public Optional<Reply> uploadCutShort(String releaseId, String fileName, byte[] content, String... fields) throws IOException {
        String boundary = "----gatehouse-it-" + Long.toHexString(System.nanoTime());
        byte[] body = formBody(boundary, fileName, content, fields);
        StringBuilder head = new StringBuilder("POST /api/v1/releases/" + releaseId + "/imports HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                .append("Content-Type: multipart/form-data; boundary=").append(boundary).append("\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n")
                .append("X-Forwarded-For: ").append(address).append("\r\nConnection: close\r\n");
        if (bearer != null) {
            head.append("Authorization: Bearer ").append(bearer).append("\r\n");
        }
        if (sessionCookie != null) {
            head.append("Cookie: gatehouse_session=").append(sessionCookie).append("\r\nX-CSRF-Token: ")
                    .append(csrfToken).append("\r\n");
        }
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(120_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(body, 0, body.length - content.length / 2);
            out.flush();
            socket.shutdownOutput();
            String reply = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (reply.isEmpty()) {
                return Optional.empty();
            }
            int blank = reply.indexOf("\r\n\r\n");
            if (!reply.startsWith("HTTP/1.1 ") || blank < 0) {
                throw new IOException("not an HTTP reply: " + reply);
            }
            String payload = reply.substring(blank + 4);
            if (reply.substring(0, blank).toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
                StringBuilder joined = new StringBuilder();
                for (int at = 0, size; (size = Integer.parseInt(payload.substring(at, payload.indexOf("\r\n", at)).trim(), 16)) > 0;
                        at = payload.indexOf("\r\n", at) + 2 + size + 2) {
                    int start = payload.indexOf("\r\n", at) + 2;
                    joined.append(payload, start, start + size);
                }
                payload = joined.toString();
            }
            return Optional.of(new Reply(Integer.parseInt(reply.substring(9, 12)),
                    java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true), payload));
        }
    }

    private static byte[] formBody(String boundary, String fileName, byte[] content, String... fields) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                    + fields[i + 1] + "\r\n").getBytes(utf8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(utf8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(utf8));
        return body.toByteArray();
    }

    private Reply sendBody(String method, String path, HttpRequest.BodyPublisher publisher, String contentType,
            String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120))
                .method(method, publisher);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.header("X-Forwarded-For", address);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (sessionCookie != null) {
            request.header("Cookie", "gatehouse_session=" + sessionCookie);
        }
        if (csrfToken != null && !method.equals("GET") && !method.equals("HEAD")) {
            request.header("X-CSRF-Token", csrfToken);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads a Server-Sent Events stream to its end (at most two minutes) and returns its lines. */
    public java.util.List<String> events(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(2))
                .header("Accept", "text/event-stream").header("X-Forwarded-For", address);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (sessionCookie != null) {
            request.header("Cookie", "gatehouse_session=" + sessionCookie);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines()).body().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, headers, body. */
    public record Reply(int status, java.net.http.HttpHeaders headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
