package org.gatehouse.evidence.timestamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.gatehouse.evidence.Sha256;
import org.gatehouse.evidence.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP client against the own authority, served by the JDK's HTTP server on a free port. */
class HttpTimeStamperTest {
    private static final TestPki PKI = new TestPki();
    private static final Sha256 DATA = Sha256.of("decision".getBytes(StandardCharsets.UTF_8));
    private static final AtomicReference<String> LAST_CONTENT_TYPE = new AtomicReference<>();
    private static final AtomicReference<byte[]> REPLAY = new AtomicReference<>();
    private static HttpServer server;
    private static ExecutorService executor;

    @BeforeAll
    static void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/tsa", exchange -> {
            LAST_CONTENT_TYPE.set(exchange.getRequestHeaders().getFirst("Content-Type"));
            byte[] answer = PKI.tsa.respond(exchange.getRequestBody().readNBytes(64 * 1024));
            REPLAY.compareAndSet(null, answer);
            reply(exchange, 200, "application/timestamp-reply", answer);
        });
        server.createContext("/replay", exchange -> reply(exchange, 200, "application/timestamp-reply", REPLAY.get()));
        server.createContext("/html", exchange -> reply(exchange, 200, "text/html", "<html></html>".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/error", exchange -> reply(exchange, 500, "application/timestamp-reply", new byte[0]));
        server.createContext("/huge", exchange -> reply(exchange, 200, "application/timestamp-reply", new byte[200_000]));
        server.createContext("/redirect", exchange -> {
            exchange.getResponseHeaders().add("Location", "/tsa");
            reply(exchange, 302, "text/plain", new byte[0]);
        });
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(exchange, 200, "application/timestamp-reply", new byte[0]);
        });
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void reply(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static HttpTimeStamper client(String path, Duration timeout) {
        return new HttpTimeStamper(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path), timeout);
    }

    @Test
    void obtainsATokenThatVerifies() {
        TimeStampToken token = client("/tsa", Duration.ofSeconds(10)).stamp(DATA);
        assertEquals("application/timestamp-query", LAST_CONTENT_TYPE.get());
        assertEquals(TestPki.NOW, new TimeStampVerifier(PKI.trust).verify(token, DATA).genTime());
    }

    @Test
    void refusesAReplayedAnswerToAnEarlierRequest() {
        client("/tsa", Duration.ofSeconds(10)).stamp(DATA);
        TimeStampFailed failed = assertThrows(TimeStampFailed.class, () -> client("/replay", Duration.ofSeconds(10)).stamp(DATA));
        assertTrue(failed.getMessage().contains("does not answer") || failed.getMessage().contains("nonce"), failed.getMessage());
    }

    @Test
    void refusesWrongTypesStatusesRedirectsAndOversizedAnswers() {
        assertThrows(TimeStampFailed.class, () -> client("/html", Duration.ofSeconds(10)).stamp(DATA));
        assertThrows(TimeStampFailed.class, () -> client("/error", Duration.ofSeconds(10)).stamp(DATA));
        assertThrows(TimeStampFailed.class, () -> client("/redirect", Duration.ofSeconds(10)).stamp(DATA));
        TimeStampFailed huge = assertThrows(TimeStampFailed.class, () -> client("/huge", Duration.ofSeconds(10)).stamp(DATA));
        assertTrue(huge.getMessage().contains("larger than"), huge.getMessage());
    }

    @Test
    void givesUpAfterTheTimeout() {
        long start = System.nanoTime();
        assertThrows(TimeStampFailed.class, () -> client("/slow", Duration.ofMillis(300)).stamp(DATA));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(2)) < 0);
    }

    @Test
    void acceptsOnlyHttpUrls() {
        assertThrows(IllegalArgumentException.class, () -> new HttpTimeStamper(URI.create("file:///tmp/tsa"), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new HttpTimeStamper(URI.create("ftp://tsa.example/"), Duration.ofSeconds(1)));
    }
}
