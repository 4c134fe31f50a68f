package org.gatehouse.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Map;
import org.gatehouse.platform.audit.AuditChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verification command on a real embedded PostgreSQL: running or stopped, intact or tampered. */
class VerifyAuditIT {
    @TempDir
    Path home;

    @Test
    void reportsAnIntactChainAndTheFirstTamperedRecord() throws Exception {
        Path data = home.resolve("data/postgres");
        Path secrets = home.resolve("data/postgres-credentials.properties");
        Path binaries = Path.of(System.getProperty("java.io.tmpdir"), "gatehouse-postgres-bin");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, secrets, binaries)) {
            DatabaseCoordinates c = db.coordinates();
            try (Connection owner = DriverManager.getConnection(c.url(), c.ownerUser(), c.ownerPassword());
                    Statement s = owner.createStatement()) {
                s.execute("CREATE TABLE audit_event (seq bigint PRIMARY KEY, occurred_at timestamptz, actor text,"
                        + " actor_kind text, address text, event_type text, target text, description text, result text,"
                        + " prev_hash bytea, hash bytea)");
                s.execute("GRANT SELECT ON audit_event TO " + c.user());
                byte[] prev = AuditChain.GENESIS;
                for (int i = 1; i <= 5; i++) {
                    AuditChain.Link link = new AuditChain.Link(i, OffsetDateTime.parse("2026-11-25T10:00:0" + i + "Z"), "alice",
                            "PERSON", "10.0.0.1", "login", "account:alice", "session started", "SUCCESS", prev);
                    byte[] hash = AuditChain.hash(link);
                    try (PreparedStatement insert = owner.prepareStatement(
                            "INSERT INTO audit_event VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                        insert.setLong(1, i);
                        insert.setObject(2, link.occurredAt());
                        insert.setString(3, link.actor());
                        insert.setString(4, link.actorKind());
                        insert.setString(5, link.address());
                        insert.setString(6, link.type());
                        insert.setString(7, link.target());
                        insert.setString(8, link.description());
                        insert.setString(9, link.result());
                        insert.setBytes(10, prev);
                        insert.setBytes(11, hash);
                        insert.executeUpdate();
                    }
                    prev = hash;
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertEquals(VerifyAudit.INTACT, VerifyAudit.run(home, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8)),
                    "against the running database");
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("5 records checked"), out::toString);

            DatabaseCoordinates su = db.superuserCoordinates(EmbeddedDatabase.DATABASE);
            try (Connection superuser = DriverManager.getConnection(su.url(), su.user(), su.password());
                    Statement s = superuser.createStatement()) {
                s.execute("UPDATE audit_event SET actor = 'mallory' WHERE seq = 3");
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(VerifyAudit.BROKEN, VerifyAudit.run(home, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8)),
                "starting the stopped database itself");
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("BROKEN at record 3"), out::toString);
    }
}
