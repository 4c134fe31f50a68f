package org.gatehouse.evidence.timestamp;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.tsp.TimeStampRequest;
import org.gatehouse.evidence.Sha256;

/**
 * An RFC 3161 client for an external TSA over HTTP (RFC 3161 section 3.4): POST of
 * {@code application/timestamp-query}, a timeout for connecting and for the whole exchange, no
 * redirects, at most {@code maxResponseBytes} read, and only a 200 answer of type
 * {@code application/timestamp-reply} whose granted token carries the request's nonce and imprint.
 * Verifying the token against the TSA's trust anchor is {@link TimeStampVerifier}'s job.
 */
public final class HttpTimeStamper implements TimeStamper {
    /** A default response limit: tokens are a few kilobytes, certificate chains included. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024;
    private final URI url;
    private final Duration timeout;
    private final int maxResponseBytes;
    private final HttpClient client;
    private final Optional<ASN1ObjectIdentifier> policy;

    public HttpTimeStamper(URI url, Duration timeout) {
        this(url, timeout, DEFAULT_MAX_RESPONSE_BYTES);
    }

    public HttpTimeStamper(URI url, Duration timeout, int maxResponseBytes) {
        this(url, timeout, maxResponseBytes, HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    public HttpTimeStamper(URI url, Duration timeout, int maxResponseBytes, HttpClient client) {
        this(url, timeout, maxResponseBytes, client, Optional.empty());
    }

    private HttpTimeStamper(URI url, Duration timeout, int maxResponseBytes, HttpClient client,
            Optional<ASN1ObjectIdentifier> policy) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("a TSA URL is http or https with a host");
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("a TSA URL carries no credentials");
        }
        if (maxResponseBytes < 1024) {
            throw new IllegalArgumentException("the response limit must allow at least 1 KiB");
        }
        this.url = url;
        this.timeout = timeout;
        this.maxResponseBytes = maxResponseBytes;
        this.client = client;
        this.policy = policy;
    }

    /**
     * The same client, asking for this TSA policy (an OID, RFC 3161 {@code reqPolicy}) and accepting
     * only tokens issued under it.
     */
    public HttpTimeStamper requiringPolicy(String oid) {
        ASN1ObjectIdentifier parsed;
        try {
            parsed = new ASN1ObjectIdentifier(oid.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an object identifier: " + oid, e);
        }
        return new HttpTimeStamper(url, timeout, maxResponseBytes, client, Optional.of(parsed));
    }

    @Override
    public TimeStampToken stamp(Sha256 imprint) {
        TimeStampRequest request = TimeStampProtocol.request(imprint, policy);
        HttpRequest http = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/timestamp-query")
                .header("Accept", "application/timestamp-reply")
                .POST(HttpRequest.BodyPublishers.ofByteArray(TimeStampProtocol.encode(request)))
                .build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(http, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new TimeStampFailed("the TSA at " + endpoint() + " did not answer: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeStampFailed("interrupted while waiting for the TSA", e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new TimeStampFailed("the TSA answered HTTP " + response.statusCode());
            }
            String type = response.headers().firstValue("Content-Type").orElse("")
                    .split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (!type.equals("application/timestamp-reply")) {
                throw new TimeStampFailed("the TSA answered with content type '" + type + "'");
            }
            return TimeStampProtocol.accept(request, readAtMost(body));
        } catch (IOException e) {
            throw new TimeStampFailed("the TSA's answer could not be read: " + e.getMessage(), e);
        }
    }

    private byte[] readAtMost(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(maxResponseBytes + 1);
        if (bytes.length > maxResponseBytes) {
            throw new TimeStampFailed("the TSA's answer is larger than " + maxResponseBytes + " bytes");
        }
        return bytes;
    }

    @Override
    public String toString() {
        return "HttpTimeStamper[" + endpoint() + policy.map(p -> ", policy " + p).orElse("") + "]";
    }

    /** Scheme, host and port only: a URL's user info or query may hold credentials, never logged. */
    private String endpoint() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }
}
