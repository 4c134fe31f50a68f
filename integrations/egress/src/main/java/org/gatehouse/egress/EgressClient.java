package org.gatehouse.egress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.HttpsSupport;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The one HTTP client for user-configured addresses (webhooks, issue trackers): Apache HttpClient 5,
 * HTTP/1.1, whose every connection resolves its host through the {@link PinnedResolver} — one lookup,
 * every address checked by the {@link EgressPolicy}, the socket connected only to those — while TLS keeps
 * the URL's host name for SNI and certificate verification (the JDK's trust store, hostname checked by
 * both JSSE and HttpClient). No redirects (a 3xx is just an answer), no retries (a retry would resolve
 * again), no proxy, no cookies, no content decoding, no protocol upgrade, no connection reuse (each
 * request connects, and so is checked, afresh). Limits: connect timeout, a response timeout for each
 * wait on the server, a deadline for the whole exchange checked between reads of the body, and at most
 * {@code maxResponseBytes} of an answer read. Thread-safe; close it when done.
 */
public final class EgressClient implements AutoCloseable {
    /** Limits of one client. */
    public record Limits(Duration connectTimeout, Duration responseTimeout, Duration deadline, int maxResponseBytes) {
        public Limits {
            if (maxResponseBytes < 0 || connectTimeout.isNegative() || responseTimeout.isNegative() || deadline.isNegative()) {
                throw new IllegalArgumentException("limits are positive");
            }
        }
    }

    private final EgressPolicy policy;
    private final Limits limits;
    private final NameResolution names;
    private final CloseableHttpClient client;

    public EgressClient(EgressPolicy policy, Limits limits) {
        this(policy, limits, NameResolution.SYSTEM);
    }

    /** With a name resolution of the caller's (tests). */
    public EgressClient(EgressPolicy policy, Limits limits, NameResolution names) {
        this(policy, limits, names, systemTls());
    }

    EgressClient(EgressPolicy policy, Limits limits, NameResolution names, SSLContext tls) {
        this.policy = policy;
        this.limits = limits;
        this.names = names;
        Timeout connect = Timeout.of(limits.connectTimeout());
        Timeout response = Timeout.of(min(limits.responseTimeout(), limits.deadline()));
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new PinnedResolver(policy, names))
                        .setTlsSocketStrategy(new DefaultClientTlsStrategy(tls, HostnameVerificationPolicy.BOTH,
                                HttpsSupport.getDefaultHostnameVerifier()))
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect)
                                .setSocketTimeout(response).build())
                        .setMaxConnTotal(64).setMaxConnPerRoute(16)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false).setAuthenticationEnabled(false)
                        .setExpectContinueEnabled(false).setProtocolUpgradeEnabled(false).setContentCompressionEnabled(false)
                        .setConnectionRequestTimeout(connect).setResponseTimeout(response).build())
                .setConnectionReuseStrategy((request, answer, context) -> false)
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement().disableAuthCaching()
                .disableContentCompression().disableDefaultUserAgent()
                .build();
    }

    public EgressPolicy policy() {
        return policy;
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Resolves and checks the host (the URL's form first), connects to a checked address, sends, and reads
     * the answer within the limits. A status of any kind is an answer; only no answer is a failure.
     */
    public EgressResponse send(EgressRequest request) throws EgressFailed {
        URI uri = EgressPolicy.requireHttpUrl(request.uri());
        String host = uri.getHost();
        if (isLiteral(host)) {
            // a literal address may reach the socket without the resolver: check it here (no DNS involved)
            policy.resolve(host, NameResolution.SYSTEM);
        }
        long deadline = System.nanoTime() + limits.deadline().toNanos();
        HttpUriRequestBase call = new HttpUriRequestBase(request.method(), uri);
        request.headers().forEach(call::setHeader);
        request.body().ifPresent(bytes -> call.setEntity(new ByteArrayEntity(bytes, null)));
        ClassicHttpResponse response = null;
        try {
            response = client.executeOpen(null, call, HttpClientContext.create());
            return read(host, call, response, deadline);
        } catch (IOException e) {
            call.cancel();
            throw classify(host, e);
        } finally {
            if (response != null) {
                try {
                    response.close();
                } catch (IOException ignored) {
                    // the exchange is over (or was cancelled): nothing left to tell
                }
            }
        }
    }

    private EgressResponse read(String host, HttpUriRequestBase call, ClassicHttpResponse response, long deadline)
            throws IOException, EgressFailed {
        Map<String, List<String>> headers = new HashMap<>();
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(header.getValue());
        }
        int max = limits.maxResponseBytes();
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return new EgressResponse(response.getCode(), headers, new byte[0], false);
        }
        if (entity.getContentLength() > max) {
            call.cancel(); // never read (or drain) what is declared too large
            return new EgressResponse(response.getCode(), headers, new byte[0], true);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        InputStream in = entity.getContent();
        while (true) {
            if (System.nanoTime() - deadline > 0) {
                call.cancel();
                throw new EgressFailed(EgressFailed.Kind.TIMEOUT, host,
                        "the answer took longer than " + limits.deadline().toMillis() + " ms");
            }
            int n = in.read(buffer, 0, Math.min(buffer.length, max + 1 - body.size()));
            if (n < 0) {
                return new EgressResponse(response.getCode(), headers, body.toByteArray(), false);
            }
            body.write(buffer, 0, n);
            if (body.size() > max) {
                call.cancel(); // the rest is neither read nor drained
                byte[] kept = body.toByteArray();
                return new EgressResponse(response.getCode(), headers, Arrays.copyOf(kept, max), true);
            }
        }
    }

    private EgressFailed classify(String host, IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PinnedResolver.Refusal refusal) {
                return refusal.failed();
            }
        }
        if (e instanceof ConnectTimeoutException) {
            return new EgressFailed(EgressFailed.Kind.CONNECT_TIMEOUT, host, "connecting to " + host + " timed out after "
                    + limits.connectTimeout().toMillis() + " ms");
        }
        if (e instanceof InterruptedIOException) {
            return new EgressFailed(EgressFailed.Kind.TIMEOUT, host, host + " did not answer within "
                    + min(limits.responseTimeout(), limits.deadline()).toMillis() + " ms");
        }
        if (e instanceof UnknownHostException) {
            return new EgressFailed(EgressFailed.Kind.UNRESOLVABLE, host, "unknown host " + host);
        }
        return new EgressFailed(EgressFailed.Kind.UNREACHABLE, host, host + ": " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }

    private static boolean isLiteral(String host) {
        return host.startsWith("[") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static SSLContext systemTls() {
        try {
            return SSLContext.getDefault(); // as java.net.http: honours javax.net.ssl.trustStore
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default TLS context", e);
        }
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }

    @Override
    public String toString() {
        return "EgressClient[" + policy.allowed() + ", " + limits + "]";
    }
}
