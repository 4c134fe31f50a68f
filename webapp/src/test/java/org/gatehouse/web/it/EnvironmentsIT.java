package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 9 on the real server: environments kept apart (C.2, 8.5.2), devices with a responsible person
 * (C.2), a registered production key and secret found in uploaded test data as findings whose text, the
 * API and the server log never hold the secret (8.5.2), and source-access grants requested, refused for
 * self-approval, approved by another owner, listed in force and then expired (C.4).
 */
@ExtendWith(GatehouseServer.class)
class EnvironmentsIT {
    private static final String SECRET = "Orders-Db-Pr0d-" + Long.toHexString(System.nanoTime());

    private static String text(String name) {
        return new String(FindingsIT.fixture(name), StandardCharsets.US_ASCII);
    }

    private static String json(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @Test
    void productionIsKeptApartFromDevelopmentAndTest(Api admin, Users users) {
        String project = Fixtures.createProject(admin, "ENV");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api developer = users.withProjectRole("DEVELOPER", project);
        Api auditor = users.withGlobalRole("AUDITOR");
        String base = "/api/v1/projects/" + project + "/environments";

        Api.Reply dev = owner.post(base, "{\"name\":\"dev\",\"kind\":\"DEVELOPMENT\",\"networkZone\":\"office-lan\","
                + "\"access\":\"the team, VPN\"}");
        assertEquals(201, dev.status(), dev.toString());
        Api.Reply bad = owner.post(base, "{\"name\":\"prod\",\"kind\":\"PRODUCTION\",\"networkZone\":\" Office-LAN \","
                + "\"access\":\"operations only\"}");
        assertEquals(409, bad.status(), bad.toString());
        assertEquals("application/problem+json", bad.contentType());
        assertEquals("urn:gatehouse:problem:conflict", bad.json().get("type").asText());
        assertTrue(bad.json().get("detail").asText().contains("\"dev\""), bad.toString());
        Api.Reply prod = owner.post(base, "{\"name\":\"prod\",\"kind\":\"PRODUCTION\",\"networkZone\":\"prod-vpc\","
                + "\"access\":\"operations only\"}");
        assertEquals(201, prod.status(), prod.toString());
        // moving the development environment into production's zone is refused too
        Api.Reply move = owner.put(base + "/" + dev.json().get("id").asText(), "{\"name\":\"dev\",\"kind\":\"DEVELOPMENT\","
                + "\"networkZone\":\"prod-vpc\",\"access\":\"the team\"}");
        assertEquals(409, move.status(), move.toString());

        JsonNode listed = auditor.get(base).json();
        assertEquals(2, listed.size(), listed.toString());
        assertEquals("office-lan", listed.get(0).get("networkZone").asText());
        assertEquals(403, developer.get(base).status());
        assertEquals(403, auditor.post(base, "{\"name\":\"x\",\"kind\":\"TEST\",\"networkZone\":\"z\",\"access\":\"a\"}")
                .status());

        // devices: a responsible person is required; a check older than the configured age is not compliant
        String devices = "/api/v1/projects/" + project + "/devices";
        Api.Reply orphan = owner.post(devices, "{\"assetTag\":\"LT-1\",\"description\":\"laptop\",\"patched\":true}");
        assertEquals(400, orphan.status(), orphan.toString());
        assertEquals("urn:gatehouse:problem:validation-failed", orphan.json().get("type").asText());
        Api.Reply unknown = owner.post(devices, "{\"assetTag\":\"LT-1\",\"description\":\"laptop\",\"responsible\":"
                + "\"nobody-here\"}");
        assertEquals(400, unknown.status(), unknown.toString());
        Api.Reply old = owner.post(devices, "{\"assetTag\":\"LT-1\",\"description\":\"laptop\",\"kind\":\"LAPTOP\","
                + "\"responsible\":\"" + developer.loginName() + "\",\"patched\":true,\"antivirus\":true,"
                + "\"diskEncrypted\":true,\"lastCheckedAt\":\"" + Instant.now().minus(Duration.ofDays(200)) + "\"}");
        assertEquals(201, old.status(), old.toString());
        assertFalse(old.json().get("compliant").asBoolean());
        assertEquals("CHECK_TOO_OLD", old.json().get("gaps").get(0).asText());
        Api.Reply fresh = owner.put(devices + "/" + old.json().get("id").asText(), "{\"assetTag\":\"LT-1\","
                + "\"description\":\"laptop\",\"kind\":\"LAPTOP\",\"responsible\":\"" + developer.loginName()
                + "\",\"patched\":true,\"antivirus\":true,\"diskEncrypted\":true,\"lastCheckedAt\":\"" + Instant.now() + "\"}");
        assertEquals(200, fresh.status(), fresh.toString());
        assertTrue(fresh.json().get("compliant").asBoolean(), fresh.toString());
        assertEquals(1, auditor.get(devices).json().size());
    }

    @Test
    void aRegisteredProductionKeyInUploadedTestDataBecomesAFindingWithoutTheSecret(Api admin, Users users)
            throws IOException {
        String project = Fixtures.createProject(admin, "SEC");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api auditor = users.withGlobalRole("AUDITOR");
        String keys = "/api/v1/projects/" + project + "/production-keys";
        List<String> answers = new ArrayList<>();

        Api.Reply certificate = owner.post(keys, "{\"label\":\"payment signing key\",\"pem\":" + json(text(
                "secrets/test-prod.crt")) + "}");
        assertEquals(201, certificate.status(), certificate.toString());
        assertEquals("CERTIFICATE", certificate.json().get("kind").asText());
        assertEquals(64, certificate.json().get("sha256").asText().length());
        Api.Reply privateKey = owner.post(keys, "{\"label\":\"no\",\"pem\":" + json(text("secrets/test-prod.key")) + "}");
        assertEquals(400, privateKey.status(), "a private key is never accepted: " + privateKey);
        Api.Reply secret = owner.post(keys, "{\"label\":\"orders database password\",\"secret\":" + json(SECRET) + "}");
        assertEquals(201, secret.status(), secret.toString());
        assertTrue(secret.json().path("sha256").isMissingNode() || secret.json().get("sha256").isNull(),
                "a secret's keyed hash is not answered: " + secret);
        Api.Reply again = owner.post(keys, "{\"label\":\"again\",\"secret\":" + json(SECRET) + "}");
        assertEquals(409, again.status(), again.toString());
        answers.add(secret.body());
        answers.add(again.body());
        Api.Reply register = auditor.get(keys);
        assertEquals(2, register.json().size(), register.toString());
        answers.add(register.body());

        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json()
                .get("id").asText();
        byte[] testData = zip(List.of(
                new Entry("src/test/resources/keys/signing.pem", FindingsIT.fixture("secrets/test-prod.key")),
                new Entry("src/test/resources/application-test.properties", ("# test database\n"
                        + "spring.datasource.url=jdbc:postgresql://localhost/orders\n"
                        + "spring.datasource.password=" + SECRET + "\n").getBytes(StandardCharsets.UTF_8)),
                new Entry("src/test/resources/clean.txt", "nothing to see".getBytes(StandardCharsets.UTF_8))));
        Api.Reply check = owner.form("/api/v1/releases/" + release + "/secrets-checks", "test-data.zip", testData,
                "category", "test-data");
        assertEquals(201, check.status(), check.toString());
        answers.add(check.body());
        JsonNode counts = check.json().get("counts");
        assertEquals("secrets-check", check.json().get("scanner").asText());
        assertTrue(counts.get("created").asInt() >= 3, check.toString());

        JsonNode found = owner.get("/api/v1/findings?project=" + project + "&scanner=secrets-check").json().get("items");
        answers.add(found.toString());
        List<String> rules = new ArrayList<>();
        for (JsonNode finding : found) {
            rules.add(finding.get("ruleId").asText() + " " + finding.get("location").asText());
            Api.Reply detail = owner.get("/api/v1/findings/" + finding.get("id").asText());
            answers.add(detail.body());
        }
        assertTrue(rules.contains("registered-production-key src/test/resources/keys/signing.pem:1"), rules.toString());
        assertTrue(rules.contains("registered-production-secret src/test/resources/application-test.properties:3"),
                rules.toString());
        assertTrue(rules.stream().anyMatch(r -> r.startsWith("private-key ")), rules.toString());
        JsonNode critical = null;
        for (JsonNode finding : found) {
            if (finding.get("ruleId").asText().equals("registered-production-key")) {
                critical = finding;
            }
        }
        assertNotNull(critical);
        assertEquals("CRITICAL", critical.get("severity").asText());
        String detail = owner.get("/api/v1/findings/" + critical.get("id").asText()).body();
        assertTrue(detail.contains("payment signing key"), "the finding names the registered key: " + detail);

        // a bomb is refused as unreadable and leaves nothing
        Api.Reply bomb = owner.form("/api/v1/releases/" + release + "/secrets-checks", "bomb.zip", zipBomb(),
                "category", "bomb");
        assertEquals(422, bomb.status(), bomb.toString());

        String keyBody = text("secrets/test-prod.key").lines().skip(1).findFirst().orElseThrow();
        for (String answer : answers) {
            assertFalse(answer.contains(SECRET), "the secret is in an answer: " + answer);
            assertFalse(answer.contains(keyBody), "key material is in an answer: " + answer);
        }
        try (Stream<Path> logs = Files.list(GatehouseServer.itDirectory())) {
            for (Path log : logs.filter(p -> p.getFileName().toString().matches("payara-\\d+\\.log")).toList()) {
                assertFalse(Files.readString(log, StandardCharsets.UTF_8).contains(SECRET), "the secret is in " + log);
            }
        }
        JsonNode audited = auditor.get("/api/v1/audit/events?type=production-key.registered&limit=50").json();
        assertFalse(audited.toString().contains(SECRET));
        assertTrue(audited.toString().contains("orders database password"), audited.toString());
    }

    @Test
    void sourceAccessIsApprovedByAnotherOwnerAndExpires(Api admin, Users users) throws InterruptedException {
        String project = Fixtures.createProject(admin, "SRC");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api secondOwner = users.withProjectRole("PROJECT_OWNER", project);
        Api developer = users.withProjectRole("DEVELOPER", project);
        Api auditor = users.withGlobalRole("AUDITOR");
        String base = "/api/v1/projects/" + project + "/source-access";
        String repository = "git@git.example.com:acme/" + project.toLowerCase() + ".git";

        // the owner asks for themselves: they cannot approve it, another owner can
        Api.Reply ownRequest = owner.post(base, "{\"repository\":\"" + repository + "\",\"access\":\"CLONE\","
                + "\"reason\":\"release build\",\"validUntil\":\"" + Instant.now().plus(Duration.ofDays(30)) + "\"}");
        assertEquals(201, ownRequest.status(), ownRequest.toString());
        String ownId = ownRequest.json().get("id").asText();
        Api.Reply self = owner.post(base + "/" + ownId + "/approval", "{}");
        assertEquals(403, self.status(), self.toString());
        assertEquals("urn:gatehouse:problem:forbidden", self.json().get("type").asText());
        assertTrue(self.json().get("detail").asText().contains("C.4"), self.toString());
        Api.Reply approvedByOther = secondOwner.post(base + "/" + ownId + "/approval", "{\"note\":\"ok\"}");
        assertEquals(200, approvedByOther.status(), approvedByOther.toString());
        assertEquals("IN_FORCE", approvedByOther.json().get("standing").asText());

        // a developer asks for a short time; developers cannot decide; the owner approves; it expires
        Instant end = Instant.now().plus(Duration.ofSeconds(8));
        Api.Reply asked = developer.post(base, "{\"repository\":\"" + repository + "\",\"access\":\"READ\","
                + "\"reason\":\"fix SHOP-42\",\"validUntil\":\"" + end + "\"}");
        assertEquals(201, asked.status(), asked.toString());
        assertEquals("REQUESTED", asked.json().get("standing").asText());
        assertEquals(developer.loginName(), asked.json().get("grantee").asText());
        String id = asked.json().get("id").asText();
        assertEquals(403, developer.post(base + "/" + id + "/approval", "{}").status());
        Api.Reply approved = owner.post(base + "/" + id + "/approval", "{}");
        assertEquals(200, approved.status(), approved.toString());
        assertEquals(409, owner.post(base + "/" + id + "/approval", "{}").status(), "decided once");
        JsonNode inForce = auditor.get(base + "?standing=in-force").json();
        assertEquals(2, inForce.size(), inForce.toString());

        // a developer cannot ask on someone else's behalf, and a past end is refused
        assertEquals(403, developer.post(base, "{\"repository\":\"r\",\"access\":\"READ\",\"reason\":\"x\",\"grantee\":\""
                + owner.loginName() + "\",\"validUntil\":\"" + Instant.now().plus(Duration.ofDays(1)) + "\"}").status());
        assertEquals(400, developer.post(base, "{\"repository\":\"r\",\"access\":\"READ\",\"reason\":\"x\","
                + "\"validUntil\":\"" + Instant.now().minus(Duration.ofDays(1)) + "\"}").status());

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), end).toMillis()) + 500);
        JsonNode expired = auditor.get(base + "?standing=expired").json();
        assertEquals(1, expired.size(), expired.toString());
        assertEquals(id, expired.get(0).get("id").asText());
        assertEquals("EXPIRED", expired.get(0).get("standing").asText());
        assertEquals(1, developer.get(base + "?standing=in-force").json().size());

        Api.Reply revoked = owner.post(base + "/" + ownId + "/revocation", "{\"note\":\"build moved to CI\"}");
        assertEquals(200, revoked.status(), revoked.toString());
        assertEquals("REVOKED", revoked.json().get("standing").asText());
        assertEquals(0, auditor.get(base + "?standing=in-force").json().size());

        String trail = auditor.get("/api/v1/audit/events?target=source-access:" + id + "&limit=50").body();
        assertTrue(trail.contains("source-access.requested") && trail.contains("source-access.approved"), trail);
        String denied = auditor.get("/api/v1/audit/events?result=DENIED&actor=" + owner.loginName() + "&limit=50").body();
        assertTrue(denied.contains(ownId), "the refused self-approval is in the audit trail: " + denied);
    }

    private record Entry(String name, byte[] content) {
    }

    private static byte[] zip(List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Entry entry : entries) {
                zip.putNextEntry(new ZipEntry(entry.name()));
                zip.write(entry.content());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] zipBomb() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("zeros.txt"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
