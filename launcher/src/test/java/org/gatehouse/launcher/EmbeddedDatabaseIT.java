package org.gatehouse.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL keeps its data across restarts, only lets in who knows the password, and gives the application role no DDL. */
class EmbeddedDatabaseIT {
    @TempDir
    Path home;

    @Test
    void keepsDataAcrossRestartsAndRequiresThePassword() throws Exception {
        Path data = home.resolve("data/postgres");
        Path secrets = home.resolve("data/postgres-credentials.properties");
        Path binaries = Path.of(System.getProperty("java.io.tmpdir"), "gatehouse-postgres-bin");

        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, secrets, binaries)) {
            DatabaseCoordinates c = db.coordinates();
            try (Connection connection = DriverManager.getConnection(c.url(), c.ownerUser(), c.ownerPassword());
                    Statement statement = connection.createStatement()) {
                statement.execute("create table kept(v text)");
                statement.execute("insert into kept values ('survives')");
            }
            assertThrows(SQLException.class, () -> DriverManager.getConnection(c.url(), c.user(), "wrong"));
            try (Connection connection = DriverManager.getConnection(c.url(), c.user(), c.password());
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SHOW synchronous_commit")) {
                rows.next();
                assertEquals("on", rows.getString(1), "durable commits for the audit trail");
            }
            assertThrows(SQLException.class, () -> DriverManager.getConnection(c.url(), "postgres", ""));
            try (Connection app = DriverManager.getConnection(c.url(), c.user(), c.password());
                    Statement statement = app.createStatement()) {
                assertThrows(SQLException.class, () -> statement.execute("create table not_allowed(v text)"),
                        "the application role has no DDL rights");
            }
        }
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(secrets));

        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, secrets, binaries)) {
            DatabaseCoordinates c = db.coordinates();
            try (Connection connection = DriverManager.getConnection(c.url(), c.ownerUser(), c.ownerPassword());
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select v from kept")) {
                assertTrue(rows.next());
                assertEquals("survives", rows.getString(1));
            }
        }
    }
}
