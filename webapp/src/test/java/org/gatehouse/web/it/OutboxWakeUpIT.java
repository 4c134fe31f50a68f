package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The relay starts on each commit (issue 7, ADR 0015): on a server whose poll is ten minutes, an event reaches its
 * webhook within seconds, because the event's transaction notifies the relay's LISTEN connection. Runs on a server
 * of its own (the shared one polls every 100 ms, which would hide a broken listener).
 */
class OutboxWakeUpIT {
    private static OwnServer own;
    private static Users users;

    @BeforeAll
    static void start() {
        own = OwnServer.start(env -> env.put("GATEHOUSE_OUTBOX_POLL_MS", "600000"));
        users = own.users();
    }

    @AfterAll
    static void stop() {
        if (own != null) {
            own.close();
        }
    }

    @Test
    void aCommittedEventIsDeliveredWithoutWaitingForThePoll() throws Exception {
        String project = Fixtures.createProject(users.admin(), "WAKE");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        try (OutboundEventsIT.Receiver receiver = new OutboundEventsIT.Receiver("none", 0)) {
            assertEquals(201, owner.post("/api/v1/projects/" + project + "/webhooks", "{\"url\":\"" + receiver.url()
                    + "\",\"events\":[\"gate.blocked\"]}").status());
            String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json()
                    .get("id").asText();
            String etag = owner.get("/api/v1/releases/" + release + "/lifecycle").header("ETag").orElseThrow();
            long asked = System.nanoTime();
            assertEquals(409, owner.post("/api/v1/releases/" + release + "/lifecycle/transitions", "{\"trigger\":\"advance\"}",
                    "If-Match", etag).status());

            List<OutboundEventsIT.Received> blocked = receiver.await("gate.blocked", 1, Duration.ofSeconds(20));
            long millis = (System.nanoTime() - asked) / 1_000_000;
            System.out.println("[it] gate.blocked reached the webhook " + millis + " ms after the refused move (poll: 10 min)");
            assertEquals(1, blocked.size(), "delivered on the commit's notification, not by the ten-minute poll");
            assertTrue(millis < 20_000);
        }
    }
}
