package org.gatehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import com.sun.net.httpserver.HttpServer;
import org.gatehouse.platform.crypto.RequestSignature;
import org.junit.jupiter.api.Test;

class GatehouseCliTest {

    private static int run(ByteArrayOutputStream err, String... args) {
        return GatehouseCli.run(args, Map.of(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
    }

    /**
     * The CLI speaks HTTP/1.1 (ADR 0007: the server's HTTP/2 made a large upload cost a third more): no request of it
     * asks to upgrade to HTTP/2 ({@code Upgrade: h2c}), which the JDK's client does by default.
     */
    @Test
    void requestsAreHttp11WithoutAnUpgradeToHttp2() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            seen.add(exchange.getProtocol() + " upgrade=" + exchange.getRequestHeaders().getFirst("Upgrade"));
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        try {
            int code = GatehouseCli.run(new String[] {"gate", "--release", "r1"},
                    Map.of("GATEHOUSE_URL", "http://localhost:" + server.getAddress().getPort(), "GATEHOUSE_TOKEN", "t"),
                    new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()), false);
            assertTrue(code != 0, "the server answered 503");
        } finally {
            server.stop(0);
        }
        assertFalse(seen.isEmpty());
        assertEquals(List.of("HTTP/1.1 upgrade=null"), seen.stream().distinct().toList());
    }

    @Test
    void usageErrorsExitTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err));
        assertEquals(2, run(err, "push", "--release"));
        assertEquals(2, run(err, "gate", "--release", "r1"), "no server configured");
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("GATEHOUSE_URL"));
        assertEquals(2, run(err, "verify"), "VerifyCertificate's usage");
        assertEquals(2, run(err, "scan", "--release", "r1"), "nothing to scan");
        assertEquals(2, run(err, "scan", "--release", "r1", "--artifact", "a.jar", "--target", "http://x/"), "two kinds");
        assertEquals(2, run(err, "scan", "--release", "r1", "--target", "http://x/", "--rules", "r.json"));
        assertEquals(2, run(err, "scan", "--release", "r1", "--artifact", "a.jar", "--dependency-path", "/l.jar"));
        assertEquals(2, run(err, "scan", "--release", "r1", "--artifact", "/no/such.jar"), "a missing file");
    }

    @Test
    void theSignerSignsThePathAsSentWithAFreshNonce() {
        byte[] key = "s".repeat(32).getBytes(StandardCharsets.US_ASCII);
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);
        Signer signer = new Signer(Optional.of("gk_1"), Optional.of(key), clock);
        URI uri = URI.create("http://localhost:8080/api/v1/releases/a%20b/gate?x=1");
        HttpRequest first = build(signer, uri);
        HttpRequest second = build(signer, uri);
        String nonce = first.headers().firstValue(RequestSignature.NONCE).orElseThrow();
        assertTrue(RequestSignature.isValidNonce(nonce));
        assertTrue(!nonce.equals(second.headers().firstValue(RequestSignature.NONCE).orElseThrow()), "a new nonce each time");
        assertEquals("1772323200", first.headers().firstValue(RequestSignature.TIMESTAMP).orElseThrow());
        String canonical = RequestSignature.canonical("GET", "/api/v1/releases/a%20b/gate?x=1", "1772323200", nonce,
                RequestSignature.EMPTY_SHA256);
        assertTrue(RequestSignature.verify(key, canonical, first.headers().firstValue(RequestSignature.SIGNATURE).orElseThrow()));
        assertEquals("gk_1", first.headers().firstValue(RequestSignature.KEY_ID).orElseThrow());
    }

    @Test
    void keysAreReadAsBase64OrBase64Url() {
        byte[] key = new byte[32];
        key[0] = (byte) 0xfb;
        key[1] = (byte) 0xff;
        assertEquals(32, Signer.decodeKey(java.util.Base64.getEncoder().encodeToString(key)).length);
        assertEquals(32, Signer.decodeKey(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(key)).length);
    }

    private static HttpRequest build(Signer signer, URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).GET();
        signer.sign(builder, "GET", uri, RequestSignature.EMPTY_SHA256);
        return builder.build();
    }
}
