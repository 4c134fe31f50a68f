package org.gatehouse.egress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pinned client against real HTTP servers on loopback (issue 7, DNS rebinding): the name is resolved
 * once per request, by the policy's resolver, and the connection goes to exactly the address it checked.
 * "Internal" is 127.0.0.2 here: the allow-list lets the tests reach 127.0.0.1 only.
 */
class EgressClientTest {
    private static final EgressPolicy LOOPBACK_ONE = EgressPolicy.allowing("127.0.0.1/32");
    private static final EgressClient.Limits LIMITS = new EgressClient.Limits(Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofSeconds(4), 16 * 1024);

    private HttpServer checked;
    private HttpServer internal;
    private final List<String> checkedSaw = new CopyOnWriteArrayList<>();
    private final List<String> internalSaw = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServers() throws IOException {
        checked = server("127.0.0.1", checkedSaw);
        internal = server("127.0.0.2", internalSaw);
    }

    @AfterEach
    void stopServers() {
        checked.stop(0);
        internal.stop(0);
    }

    private static HttpServer server(String address, List<String> saw) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
        server.createContext("/", exchange -> {
            saw.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " Host=" + exchange.getRequestHeaders()
                    .getFirst("Host") + " body=" + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            answer(exchange, 200, "ok from " + address);
        });
        server.createContext("/redirect", exchange -> {
            saw.add("redirect");
            exchange.getResponseHeaders().add("Location", "http://127.0.0.2:" + exchange.getLocalAddress().getPort() + "/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/huge", exchange -> answer(exchange, 200, "A".repeat(100 * 1024)));
        server.createContext("/huge-chunked", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write("B".repeat(1024).getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException dropped) {
                // the client stops reading at its cap
            }
        });
        server.createContext("/slow", exchange -> {
            sleep(3000);
            answer(exchange, 200, "late");
        });
        server.createContext("/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 40; i++) {
                    out.write('x');
                    out.flush();
                    sleep(150);
                }
            } catch (IOException dropped) {
                // the client gave up
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        return server;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException dropped) {
            // the client stopped reading
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A rebinding DNS server: the first answer is the checked loopback address, every later one the "internal" one. */
    private static final class Rebinding implements NameResolution {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public InetAddress[] resolve(String host) throws java.net.UnknownHostException {
            return new InetAddress[] {InetAddress.getByName(calls.incrementAndGet() == 1 ? "127.0.0.1" : "127.0.0.2")};
        }
    }

    private URI url(String path) {
        return URI.create("http://rebind.test:" + checked.getAddress().getPort() + path);
    }

    @Test
    void theConnectionGoesToTheAddressThatWasCheckedNeverToASecondAnswer() throws Exception {
        // the internal server listens on the same port, so a second resolution would reach it
        internal.stop(0);
        internal = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), checked.getAddress().getPort()), 0);
        internal.createContext("/", exchange -> {
            internalSaw.add("reached");
            answer(exchange, 200, "internal");
        });
        internal.start();
        Rebinding dns = new Rebinding();
        try (EgressClient client = new EgressClient(LOOPBACK_ONE, LIMITS, dns)) {
            EgressResponse answer = client.send(EgressRequest.post(url("/hook"), Map.of("Content-Type", "text/plain"),
                    "payload".getBytes(StandardCharsets.UTF_8)));
            assertEquals(200, answer.status());
            assertEquals("ok from 127.0.0.1", new String(answer.body(), StandardCharsets.UTF_8));
            assertEquals(1, dns.calls.get(), "one resolution per request: the checked one");
            assertEquals(List.of("POST /hook Host=rebind.test:" + checked.getAddress().getPort() + " body=payload"), checkedSaw);
            // the next request resolves afresh (no connection is reused) and now meets the internal answer: refused
            EgressFailed refused = assertThrows(EgressFailed.class, () -> client.send(EgressRequest.get(url("/again"), Map.of())));
            assertEquals(EgressFailed.Kind.ADDRESS_REFUSED, refused.kind());
            assertEquals("127.0.0.2", refused.refusedAddress().orElseThrow());
            assertEquals(2, dns.calls.get());
        }
        assertEquals(1, checkedSaw.size());
        assertTrue(internalSaw.isEmpty(), "the internal address was never connected to: " + internalSaw);
    }

    @Test
    void aNameResolvingToAPublicAndAPrivateAddressIsRefusedBeforeConnecting() throws Exception {
        NameResolution mixed = host -> new InetAddress[] {InetAddress.getByName("127.0.0.1"), InetAddress.getByName("10.0.0.1")};
        try (EgressClient client = new EgressClient(LOOPBACK_ONE, LIMITS, mixed)) {
            EgressFailed refused = assertThrows(EgressFailed.class, () -> client.send(EgressRequest.get(url("/"), Map.of())));
            assertEquals(EgressFailed.Kind.ADDRESS_REFUSED, refused.kind());
            assertTrue(refused.refused());
        }
        assertTrue(checkedSaw.isEmpty());
    }

    @Test
    void literalAddressesAreCheckedToo() {
        try (EgressClient client = new EgressClient(LOOPBACK_ONE, LIMITS, host -> {
            throw new AssertionError("a literal needs no lookup: " + host);
        })) {
            for (String target : List.of("127.0.0.2", "0.0.0.0", "169.254.169.254", "[::]", "[::ffff:127.0.0.2]", "[fc00::1]",
                    "[::ffff:169.254.169.254]", "10.0.0.1")) {
                URI uri = URI.create("http://" + target + ":" + internal.getAddress().getPort() + "/");
                assertEquals(EgressFailed.Kind.ADDRESS_REFUSED, assertThrows(EgressFailed.class,
                        () -> client.send(EgressRequest.get(uri, Map.of())), target).kind(), target);
            }
        }
        assertTrue(internalSaw.isEmpty());
    }

    @Test
    void redirectsAreAnswersNotFollowed() throws Exception {
        try (EgressClient client = new EgressClient(LOOPBACK_ONE, LIMITS, new Rebinding())) {
            EgressResponse answer = client.send(EgressRequest.get(url("/redirect"), Map.of()));
            assertEquals(302, answer.status());
            assertTrue(answer.header("Location").orElseThrow().startsWith("http://127.0.0.2:"));
        }
        assertTrue(internalSaw.isEmpty());
    }

    @Test
    void answersAreCutOffAtTheCap() throws Exception {
        try (EgressClient client = new EgressClient(LOOPBACK_ONE, LIMITS, host -> new InetAddress[] {InetAddress.getByName("127.0.0.1")})) {
            for (String path : List.of("/huge", "/huge-chunked")) {
                EgressResponse answer = client.send(EgressRequest.get(url(path), Map.of()));
                assertTrue(answer.truncated(), path);
                assertTrue(answer.body().length <= 16 * 1024, path);
            }
            EgressResponse small = client.send(EgressRequest.get(url("/"), Map.of()));
            assertFalse(small.truncated());
            assertArrayEquals("ok from 127.0.0.1".getBytes(StandardCharsets.UTF_8), small.body());
        }
    }

    @Test
    void slowAndTrickledAnswersTimeOut() {
        EgressClient.Limits tight = new EgressClient.Limits(Duration.ofSeconds(1), Duration.ofMillis(800), Duration.ofMillis(1500), 1024);
        assertTimeoutPreemptively(Duration.ofSeconds(6), () -> {
            try (EgressClient client = new EgressClient(LOOPBACK_ONE, tight, host -> new InetAddress[] {InetAddress.getByName("127.0.0.1")})) {
                assertEquals(EgressFailed.Kind.TIMEOUT, assertThrows(EgressFailed.class,
                        () -> client.send(EgressRequest.get(url("/slow"), Map.of()))).kind());
                long start = System.nanoTime();
                assertEquals(EgressFailed.Kind.TIMEOUT, assertThrows(EgressFailed.class,
                        () -> client.send(EgressRequest.get(url("/trickle"), Map.of()))).kind());
                assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 3000, "the deadline covers the body");
            }
        });
    }

    @Test
    void aClosedPortIsUnreachable() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = free.getLocalPort();
        }
        try (EgressClient client = new EgressClient(LOOPBACK_ONE, LIMITS)) {
            assertEquals(EgressFailed.Kind.UNREACHABLE, assertThrows(EgressFailed.class,
                    () -> client.send(EgressRequest.get(URI.create("http://127.0.0.1:" + port + "/"), Map.of()))).kind());
        }
    }
}
