package org.gatehouse.web.it;

import static org.gatehouse.web.it.ProjectsIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.gatehouse.launcher.DatabaseCoordinates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Uploaded documents (C.3, 7.8.6-ef..ej; ADR 0024) on the real server: a secret design document is stored
 * encrypted (the database holds no plaintext) and read back intact within its scope; outside it the read is refused
 * and the refusal is in the audit trail; versions carry change and security-impact notes; the scope cannot be
 * wider than the classification's; the project's quota (1 MB in the tests) warns its owners at 80 % and refuses an
 * upload past it whole; an archived document takes no new version.
 */
@ExtendWith(GatehouseServer.class)
class UploadedDocumentsIT {

    private static byte[] bytes(int size, char fill) {
        byte[] content = new byte[size];
        Arrays.fill(content, (byte) fill);
        byte[] marker = "GATEHOUSE-PLAINTEXT-MARKER".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(marker, 0, content, 0, Math.min(size, marker.length));
        return content;
    }

    private static Api.Reply upload(Api api, String project, String title, String classification, byte[] content,
            String... more) {
        String[] fields = {"title", title, "category", "design", "classification", classification, "changeNote",
            "first issue", "securityImpact", "describes the payment flow"};
        String[] all = Arrays.copyOf(fields, fields.length + more.length);
        System.arraycopy(more, 0, all, fields.length, more.length);
        return api.postForm("/api/v1/projects/" + project + "/uploaded-documents", title + ".pdf", content, all);
    }

    @Test
    void aSecretDocumentIsEncryptedAtRestReadInItsScopeOnlyAndTheQuotaHolds(Api admin, Users users, TestDatabase database)
            throws Exception {
        String project = Fixtures.createProject(admin, "DOC");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api reviewer = users.withProjectRole("SECURITY_REVIEWER", project);
        Api developer = users.withProjectRole("DEVELOPER", project);
        Api auditor = users.withGlobalRole("AUDITOR");
        try (OutboundEventsIT.Receiver receiver = new OutboundEventsIT.Receiver("none", 0)) {
            assertEquals(201, owner.post("/api/v1/projects/" + project + "/webhooks", "{\"url\":\"" + receiver.url()
                    + "\",\"events\":[\"documents.quota-warning\"]}").status());

            byte[] design = bytes(600_000, 'd');
            Api.Reply created = upload(reviewer, project, "Payment design", "secret", design);
            assertEquals(201, created.status(), created::toString);
            JsonNode document = created.json();
            String id = document.get("id").asText();
            assertEquals(List.of("SECURITY_ADMINISTRATOR", "AUDITOR", "SECURITY_REVIEWER"),
                    toList(document.get("distribution")));
            assertTrue(document.at("/versions/0/encrypted").asBoolean());

            // C.3 / 7.8.6-ei: what the database holds is ciphertext, bound to its row
            DatabaseCoordinates su = database.superuser();
            try (Connection c = DriverManager.getConnection(su.url(), su.user(), su.password());
                    PreparedStatement s = c.prepareStatement(
                            "SELECT content, key_id FROM uploaded_document_version WHERE document_id = ?")) {
                s.setObject(1, UUID.fromString(id));
                try (ResultSet row = s.executeQuery()) {
                    assertTrue(row.next());
                    String stored = new String(row.getBytes(1), StandardCharsets.ISO_8859_1);
                    assertFalse(stored.contains("GATEHOUSE-PLAINTEXT-MARKER"), "stored in the clear");
                    assertEquals("platform", row.getString(2));
                }
            }

            Api.Reply read = reviewer.get("/api/v1/uploaded-documents/" + id + "/versions/1/content");
            assertEquals(200, read.status(), read::toString);
            assertArrayEquals(design, read.body().getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(read.header("Content-Disposition").orElse("").startsWith("attachment"));
            assertEquals("nosniff", read.header("X-Content-Type-Options").orElse(""));

            // outside the scope: refused, not listed, and the refusal is in the access log
            assertProblem(owner.get("/api/v1/uploaded-documents/" + id + "/versions/1/content"), 403, "forbidden");
            assertProblem(developer.get("/api/v1/uploaded-documents/" + id), 403, "forbidden");
            assertFalse(owner.get("/api/v1/projects/" + project + "/uploaded-documents").body().contains(id));
            String log = auditor.get("/api/v1/audit/events?type=document.read&target=document:" + id).body();
            assertTrue(log.contains("DENIED") && log.contains("SUCCESS"), log);

            // a scope may narrow the classification's, never widen it
            assertProblem(upload(owner, project, "Coding standard", "confidential", bytes(10, 'c'), "distribution",
                    "DEVELOPER"), 400, "validation-failed");
            Api.Reply narrow = upload(owner, project, "NDA Alice", "confidential", bytes(100_000, 'n'), "distribution",
                    "PROJECT_OWNER,AUDITOR");
            assertEquals(201, narrow.status(), narrow::toString);

            // a second version with its change record; 850 kB of 1 MB passes 80 %: the owners are told once
            Api.Reply second = reviewer.postForm("/api/v1/uploaded-documents/" + id + "/versions", "design-v2.pdf",
                    bytes(150_000, 'e'), "changeNote", "adds the refund flow", "securityImpact", "new refund endpoint");
            assertEquals(201, second.status(), second::toString);
            assertEquals(2, second.json().get("latestVersion").asInt());
            assertEquals("new refund endpoint", second.json().at("/versions/0/securityImpact").asText());
            assertEquals(1, receiver.await("documents.quota-warning", 1, Duration.ofSeconds(20)).size());

            // past the quota: refused whole, nothing stored
            long used = owner.get("/api/v1/projects/" + project + "/uploaded-documents").json().get("usedBytes").asLong();
            assertProblem(upload(owner, project, "Big test data", "internal", bytes(300_000, 't')), 413, "payload-too-large");
            assertEquals(used, owner.get("/api/v1/projects/" + project + "/uploaded-documents").json().get("usedBytes").asLong());
            assertFalse(owner.get("/api/v1/projects/" + project + "/uploaded-documents").body().contains("Big test data"));

            // archived: kept and readable, no new versions
            String nda = narrow.json().get("id").asText();
            assertTrue(owner.post("/api/v1/uploaded-documents/" + nda + "/archive", null).json().get("archived").asBoolean());
            assertProblem(owner.postForm("/api/v1/uploaded-documents/" + nda + "/versions", "nda-2.pdf", bytes(10, 'x'),
                    "changeNote", "renewed", "securityImpact", "none"), 400, "validation-failed");
            assertEquals(200, owner.get("/api/v1/uploaded-documents/" + nda + "/versions/1/content").status());
            assertEquals(1, receiver.await("documents.quota-warning", 1, Duration.ofSeconds(1)).size(), "told once");
        }
    }

    @Test
    void badUploadsAreRefusedWithProblems(Api admin, Users users) {
        String project = Fixtures.createProject(admin, "DOB");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api auditor = users.withGlobalRole("AUDITOR");
        assertProblem(upload(owner, project, "x", "top-secret", bytes(10, 'x')), 400, "validation-failed");
        assertProblem(owner.postForm("/api/v1/projects/" + project + "/uploaded-documents", "a.txt", bytes(10, 'x'),
                "title", "No notes", "category", "other", "classification", "internal"), 400, "validation-failed");
        assertEquals(201, upload(owner, project, "Threat model", "internal", bytes(10, 'x')).status());
        assertProblem(upload(owner, project, "threat MODEL", "internal", bytes(10, 'x')), 400, "validation-failed");
        assertProblem(upload(auditor, project, "Auditors read only", "internal", bytes(10, 'x')), 403, "forbidden");
        assertProblem(owner.get("/api/v1/uploaded-documents/not-a-uuid"), 404, "not-found");
        assertProblem(owner.get("/api/v1/uploaded-documents/" + UUID.randomUUID() + "/versions/1/content"), 404, "not-found");
    }

    private static List<String> toList(JsonNode array) {
        java.util.ArrayList<String> values = new java.util.ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
