package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An import that runs after its answer (issue 4: "runs asynchronously when large: GET /api/v1/imports/{id} shows status
 * and progress (rows read, percent) and the created/unchanged/closed/reopened counts"). A client that does not want to
 * hold its connection says {@code Prefer: respond-async} (RFC 7240) and gets 202 at once; the server's own wait
 * ({@code gatehouse.import.wait-ms}) is what larger reports meet without the header.
 */
@ExtendWith(GatehouseServer.class)
class AsyncImportIT {
    private static final int RESULTS = 4000;

    @Test
    void aClientThatPrefersNotToWaitFollowsItsImportToTheEnd(Api admin, Users users) throws InterruptedException {
        String project = Fixtures.createProject(admin, "ASYNC");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json()
                .get("id").asText();

        // a compressed report is received first, then queued: the answer does not wait for it
        Api.Reply accepted = owner.uploadWithHeaders(release, new String[] {"Prefer", "respond-async"}, "big.sarif.gz",
                gzip(report()), "scanner", "sarif");
        assertEquals(202, accepted.status(), accepted::toString);
        assertEquals("respond-async", accepted.headers().firstValue("Preference-Applied").orElse(""), accepted::toString);
        String id = accepted.json().get("id").asText();
        assertTrue(accepted.headers().firstValue("Location").orElse("").endsWith("/api/v1/imports/" + id),
                accepted::toString);
        assertTrue(accepted.json().get("status").asText().matches("QUEUED|RUNNING"), accepted::toString);

        JsonNode status = accepted.json();
        long lastRead = 0;
        for (int i = 0; i < 3000 && status.get("status").asText().matches("QUEUED|RUNNING"); i++) {
            Thread.sleep(20);
            status = owner.get("/api/v1/imports/" + id).json();
            JsonNode progress = status.path("progress");
            if (status.get("status").asText().equals("RUNNING") && progress.isObject()) {
                assertFalse(progress.get("phase").asText().isBlank(), status::toString);
                int percent = progress.get("percent").asInt();
                assertTrue(percent >= 0 && percent <= 100, status::toString);
                long read = progress.get("resultsRead").asLong();
                assertTrue(read >= lastRead && read <= RESULTS, "results read only grow: " + status);
                lastRead = read;
            }
        }
        assertEquals("COMPLETED", status.get("status").asText(), status::toString);
        assertEquals(RESULTS, status.get("counts").get("created").asInt(), status::toString);
        assertTrue(status.path("progress").isMissingNode() || status.path("progress").isNull(),
                "progress is shown only while the import runs: " + status);
    }

    @Test
    void aReportParsedWhileItArrivesIsStoredBeforeTheAnswerWhateverThePreference(Api admin, Users users) {
        String project = Fixtures.createProject(admin, "ASYNCS");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json()
                .get("id").asText();

        // the scanner field first: the plain report is parsed while it arrives, and stored before the answer
        Api.Reply done = owner.uploadWithHeaders(release, new String[] {"Prefer", "respond-async"}, "small.sarif",
                FindingsIT.sarif("", 0, FindingsIT.A, FindingsIT.B), "scanner", "sarif");
        assertEquals(201, done.status(), done::toString);
        assertTrue(done.headers().firstValue("Preference-Applied").isEmpty(), "not applied: " + done);
        assertEquals(2, done.json().get("counts").get("created").asInt(), done::toString);
    }

    private static byte[] report() {
        String[][] results = new String[RESULTS][];
        for (int i = 0; i < RESULTS; i++) {
            results[i] = new String[] {i % 2 == 0 ? "R1" : "R2", "src/main/java/shop/Class" + i + ".java", "10",
                "call(" + i + ")"};
        }
        return FindingsIT.sarif("", 0, results);
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
