package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(GatehouseServer.class)
class ProjectsIT {

    @Test
    void createsAProjectAndReadsItBack(Api api) {
        String key = Fixtures.uniqueKey("SHOP");
        Api.Reply created = api.post("/api/v1/projects", Fixtures.project(key, "Web shop 网店", 3));
        assertEquals(201, created.status(), created::toString);
        assertEquals(api.base().resolve("/api/v1/projects/" + key).toString(), created.header("Location").orElseThrow());
        assertEquals("\"1\"", created.header("ETag").orElseThrow());

        Api.Reply read = api.get("/api/v1/projects/" + key);
        assertEquals(200, read.status());
        JsonNode project = read.json();
        assertEquals(key, project.get("key").asText());
        assertEquals("Web shop 网店", project.get("name").asText());
        assertEquals(3, project.get("protectionLevel").asInt());
        assertEquals("alice", project.get("owner").asText());
        assertEquals(created.json().get("createdAt").asText(), project.get("createdAt").asText(),
                "what was returned on create is exactly what is stored");
        assertEquals("\"1\"", read.header("ETag").orElseThrow());
    }

    @Test
    void listsProjectsByKeyWithKeysetPagination(Api api) {
        String prefix = "PG" + Fixtures.uniqueKey("").substring(0, 4);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String key = prefix + i;
            keys.add(key);
            assertEquals(201, api.post("/api/v1/projects", Fixtures.project(key, "p" + i, 1)).status());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Reply page = api.get("/api/v1/projects?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, page.status(), page::toString);
            page.json().get("items").forEach(item -> seen.add(item.get("key").asText()));
            JsonNode next = page.json().get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asText();
            pages++;
        } while (cursor != null && pages < 1000);
        List<String> ours = seen.stream().filter(k -> k.startsWith(prefix)).toList();
        assertEquals(keys, ours, "every project once, in key order");
        List<String> sorted = new ArrayList<>(seen);
        sorted.sort(null);
        assertEquals(sorted, seen);
    }

    @Test
    void revisesWithIfMatchAndRefusesStaleOrMissingPreconditions(Api api) {
        String key = Fixtures.createProject(api, "REV");
        String body = """
                {"name":"Renamed","protectionLevel":1,"owner":"bob"}""";

        Api.Reply missing = api.put("/api/v1/projects/" + key, body);
        assertProblem(missing, 428, "precondition-required");

        Api.Reply revised = api.put("/api/v1/projects/" + key, body, "If-Match", "\"1\"");
        assertEquals(200, revised.status(), revised::toString);
        assertEquals("\"2\"", revised.header("ETag").orElseThrow());
        assertEquals("Renamed", revised.json().get("name").asText());
        assertFalse(revised.json().has("description"), "description cleared by a full replacement");

        Api.Reply stale = api.put("/api/v1/projects/" + key, body.replace("Renamed", "Lost update"), "If-Match", "\"1\"");
        assertProblem(stale, 412, "precondition-failed");
        assertEquals("Renamed", api.get("/api/v1/projects/" + key).json().get("name").asText(), "nothing written");
    }

    @Test
    void concurrentRevisionsWithTheSameETagLetExactlyOneWin(Api api) throws Exception {
        String key = Fixtures.createProject(api, "RACE");
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String body = "{\"name\":\"writer " + i + "\",\"protectionLevel\":2,\"owner\":\"w" + i + "\"}";
                replies.add(pool.submit(() -> api.put("/api/v1/projects/" + key, body, "If-Match", "\"1\"")));
            }
            int won = 0;
            for (Future<Api.Reply> reply : replies) {
                Api.Reply r = reply.get();
                if (r.status() == 200) {
                    won++;
                } else {
                    assertTrue(r.status() == 412 || r.status() == 409, r::toString);
                    assertEquals("application/problem+json", r.contentType());
                }
            }
            assertEquals(1, won, "exactly one writer may win");
            assertEquals("\"2\"", api.get("/api/v1/projects/" + key).header("ETag").orElseThrow());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void validationErrorsAreProblemsNamingEveryField(Api api) {
        Api.Reply reply = api.post("/api/v1/projects", """
                {"key":"shop","name":" ","protectionLevel":7}""");
        assertProblem(reply, 400, "validation-failed");
        List<String> fields = new ArrayList<>();
        reply.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(List.of("key", "name", "owner", "protectionLevel"), fields);

        Api.Reply chinese = api.post("/api/v1/projects", "{\"name\":\"x\",\"protectionLevel\":1,\"owner\":\"a\"}",
                "Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5");
        assertProblem(chinese, 400, "validation-failed");
        assertEquals("校验失败", chinese.json().get("title").asText());
        assertEquals("key", chinese.json().get("errors").get(0).get("field").asText());
        assertEquals("必须填写", chinese.json().get("errors").get(0).get("message").asText());
    }

    @Test
    void duplicateKeyIsAConflict(Api api) {
        String key = Fixtures.createProject(api, "DUP");
        Api.Reply again = api.post("/api/v1/projects", Fixtures.project(key, "again", 1));
        assertProblem(again, 409, "conflict");
        assertTrue(again.json().get("detail").asText().contains(key));
    }

    @Test
    void malformedOrMissingBodiesAreRejected(Api api) {
        assertProblem(api.post("/api/v1/projects", "{\"key\": "), 400, "malformed-request");
        assertProblem(api.post("/api/v1/projects", "[1,2,3]"), 400, "malformed-request");
        assertProblem(api.post("/api/v1/projects", "{\"protectionLevel\":\"high\"}"), 400, "malformed-request");
        assertProblem(api.send("POST", "/api/v1/projects", "", "application/json"), 400, "malformed-request");
        assertProblem(api.post("/api/v1/projects", "null"), 400, "validation-failed");
    }

    @Test
    void oversizedBodiesAreRefusedWhetherDeclaredOrStreamed(Api api) throws Exception {
        // Declared: refused from the headers, before authentication and without the JSON being parsed.
        byte[] body = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) 'x');
        try (Socket socket = new Socket(api.base().getHost(), api.base().getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/projects HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Thread writer = new Thread(() -> {
                try {
                    out.write(body);
                    out.flush();
                } catch (java.io.IOException closedByServer) {
                    // the server may stop reading once it has answered
                }
            });
            writer.start();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            writer.join(20_000);
            assertTrue(response.startsWith("HTTP/1.1 413"), response);
            assertTrue(response.contains("urn:gatehouse:problem:payload-too-large"), response);
        }
        // Streamed without a length (chunked): cut off once past the cap.
        String huge = "{\"key\":\"BIG\",\"name\":\"" + "x".repeat(1_100_000) + "\"}";
        HttpRequest chunked = HttpRequest.newBuilder(api.base().resolve("/api/v1/projects"))
                .header("Content-Type", "application/json")
                .header("Cookie", "gatehouse_session=" + api.sessionCookie().orElseThrow())
                .header("X-CSRF-Token", api.csrfToken().orElseThrow())
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> reply = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertProblem(new Api.Reply(reply.statusCode(), reply.headers(), reply.body()), 413, "payload-too-large");
        assertProblem(api.get("/api/v1/projects/BIG"), 404, "not-found");
    }

    @Test
    void unknownProjectsAndBadParametersAreProblems(Api api) {
        assertProblem(api.get("/api/v1/projects/NOSUCHKEY"), 404, "not-found");
        assertProblem(api.get("/api/v1/projects/not%20a%20key"), 404, "not-found");
        assertProblem(api.get("/api/v1/projects?limit=0"), 400, "bad-request");
        assertProblem(api.get("/api/v1/projects?limit=ten"), 400, "bad-request");
        assertProblem(api.get("/api/v1/projects?cursor=garbage!"), 400, "invalid-cursor");
    }

    @Test
    void wrongMethodAndContentTypeAreProblems(Api api) {
        Api.Reply delete = api.send("DELETE", "/api/v1/projects", null, null);
        assertProblem(delete, 405, "method-not-allowed");
        assertTrue(delete.header("Allow").orElseThrow().contains("POST"));
        assertProblem(api.send("POST", "/api/v1/projects", "key=SHOP", "application/x-www-form-urlencoded"), 415,
                "unsupported-media-type");
    }

    static void assertProblem(Api.Reply reply, int status, String slug) {
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/problem+json"), () -> "content type of " + reply);
        JsonNode problem = reply.json();
        assertEquals("urn:gatehouse:problem:" + slug, problem.get("type").asText(), reply::toString);
        assertEquals(status, problem.get("status").asInt());
        assertFalse(problem.get("title").asText().isBlank());
        assertFalse(reply.body().contains("Exception"), () -> "no stack traces or exception names: " + reply);
        assertFalse(reply.body().contains("\tat "), () -> "no stack traces: " + reply);
    }
}
