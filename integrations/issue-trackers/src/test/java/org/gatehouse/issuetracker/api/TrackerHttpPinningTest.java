package org.gatehouse.issuetracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import org.gatehouse.egress.EgressPolicy;
import org.gatehouse.egress.NameResolution;
import org.junit.jupiter.api.Test;

/** Tracker calls go through the pinned client (issue 7, DNS rebinding): one lookup per call, the checked address only. */
class TrackerHttpPinningTest {
    @Test
    void aTrackerNameThatRebindsToAnotherAddressIsRefusedNotFollowed() throws IOException, TrackerCallFailed {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer tracker = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        tracker.createContext("/", exchange -> {
            seen.add(exchange.getRequestHeaders().getFirst("Host") + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        tracker.start();
        try {
            AtomicInteger lookups = new AtomicInteger();
            NameResolution rebinding = host -> new InetAddress[] {
                InetAddress.getByName(lookups.incrementAndGet() == 1 ? "127.0.0.1" : "169.254.169.254")};
            TrackerHttp http = new TrackerHttp(new TrackerHttp.Settings(Duration.ofSeconds(2), Duration.ofSeconds(3), 64 * 1024,
                    EgressPolicy.allowing("127.0.0.1/32")), rebinding);
            URI uri = URI.create("http://jira.test:" + tracker.getAddress().getPort() + "/rest/api/2/myself");
            assertEquals(true, http.get(uri, new TrackerCredential.Bearer("t0ken"), Map.of()).get("ok").asBoolean());
            assertEquals(List.of("jira.test:" + tracker.getAddress().getPort() + " Bearer t0ken"), seen);
            TrackerCallFailed refused = assertThrows(TrackerCallFailed.class,
                    () -> http.get(uri, new TrackerCredential.Bearer("t0ken"), Map.of()));
            assertEquals(TrackerCallFailed.Problem.ADDRESS_REFUSED, refused.problem());
            assertEquals(2, lookups.get());
            assertEquals(1, seen.size());
            assertEquals(TrackerCallFailed.Problem.ADDRESS_REFUSED, assertThrows(TrackerCallFailed.class,
                    () -> http.checkAddress(uri)).problem(), "the check on saving uses the same policy");
            assertEquals(TrackerCallFailed.Problem.ADDRESS_REFUSED, assertThrows(TrackerCallFailed.class,
                    () -> http.checkAddress(URI.create("ftp://jira.test/"))).problem());
        } finally {
            tracker.stop(0);
        }
    }
}
