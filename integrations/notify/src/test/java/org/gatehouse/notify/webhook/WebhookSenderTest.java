package org.gatehouse.notify.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.gatehouse.egress.EgressPolicy;
import org.gatehouse.egress.NameResolution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A delivery through the pinned client (issue 7, DNS rebinding): the receiver's name is resolved once per
 * attempt and the POST reaches the checked address; a later answer pointing elsewhere refuses the attempt.
 */
class WebhookSenderTest {
    private HttpServer receiver;
    private HttpServer internal;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> internalReceived = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER) + " "
                    + exchange.getRequestHeaders().getFirst(WebhookSender.DELIVERY_HEADER) + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.2:" + receiver.getAddress().getPort() + "/hook");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        receiver.start();
        internal = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), receiver.getAddress().getPort()), 0);
        internal.createContext("/", exchange -> {
            internalReceived.add(exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        internal.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        internal.stop(0);
    }

    @Test
    void deliversToTheCheckedAddressAndRefusesARebindingAnswer() {
        AtomicInteger lookups = new AtomicInteger();
        NameResolution rebinding = host -> new InetAddress[] {
            InetAddress.getByName(lookups.incrementAndGet() == 1 ? "127.0.0.1" : "127.0.0.2")};
        WebhookSender sender = new WebhookSender(Duration.ofSeconds(2), Duration.ofSeconds(3),
                EgressPolicy.allowing("127.0.0.1/32"), rebinding);
        String url = "http://hooks.test:" + receiver.getAddress().getPort() + "/hook";
        byte[] body = "{\"id\":\"e1\"}".getBytes(StandardCharsets.UTF_8);

        WebhookSender.Outcome first = sender.send(url, new byte[32], "d-1", "release.phase-changed", 1_700_000_000L, body);
        assertTrue(first.delivered(), first.toString());
        assertEquals(1, lookups.get());
        assertEquals(1, received.size());
        assertTrue(received.get(0).startsWith("t=1700000000,v1="), received.get(0));
        assertTrue(received.get(0).endsWith(" d-1 {\"id\":\"e1\"}"), received.get(0));

        WebhookSender.Outcome second = sender.send(url, new byte[32], "d-2", "release.phase-changed", 1_700_000_001L, body);
        assertFalse(second.delivered());
        assertTrue(second.error().orElseThrow().startsWith("refused target: webhook.url-forbidden"), second.toString());
        assertEquals(1, received.size());
        assertTrue(internalReceived.isEmpty(), internalReceived.toString());
    }

    @Test
    void aRedirectIsAFailedAttemptAndNotFollowed() {
        WebhookSender sender = new WebhookSender(Duration.ofSeconds(2), Duration.ofSeconds(3), EgressPolicy.allowing("127.0.0.1/32"));
        WebhookSender.Outcome outcome = sender.send("http://127.0.0.1:" + receiver.getAddress().getPort() + "/moved",
                new byte[32], "d-3", "release.phase-changed", 1L, new byte[0]);
        assertEquals(301, outcome.status().orElseThrow());
        assertFalse(outcome.delivered());
        assertTrue(internalReceived.isEmpty());
    }
}
