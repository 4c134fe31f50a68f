package org.gatehouse.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.gatehouse.launcher.DatabaseCoordinates;
import org.gatehouse.launcher.EmbeddedDatabase;
import org.gatehouse.launcher.FreePort;
import org.gatehouse.launcher.PayaraMicroProcess;

/**
 * The real server for a benchmark: embedded PostgreSQL plus Payara Micro with the built WAR
 * ({@code -Xmx512m}, serial GC), its log in the scratch directory. Run from the repository root.
 */
final class BenchServer implements AutoCloseable {
    private final EmbeddedDatabase database;
    private final PrintWriter log;
    private final PayaraMicroProcess server;

    private BenchServer(EmbeddedDatabase database, PrintWriter log, PayaraMicroProcess server) {
        this.database = database;
        this.log = log;
        this.server = server;
    }

    static BenchServer start(Path scratch, String adminPassword) throws Exception {
        return start(scratch, adminPassword, Map.of());
    }

    /** The same, with extra environment for the server (e.g. the relay's poll interval). */
    static BenchServer start(Path scratch, String adminPassword, Map<String, String> extra) throws Exception {
        EmbeddedDatabase db = EmbeddedDatabase.startTemporary(scratch.resolve("db"));
        PrintWriter log = new PrintWriter(Files.newBufferedWriter(scratch.resolve("payara.log")));
        try {
            PayaraMicroProcess server = PayaraMicroProcess.builder()
                    .jvmOptions(List.of("-Xmx512m", "-XX:+UseSerialGC"))
                    .payaraJar(existing("webapp/target/runtime/payara-micro.jar"))
                    .war(existing("webapp/target/gatehouse.war"))
                    .rootDirectory(scratch.resolve("payara"))
                    .port(FreePort.find())
                    .environment(db.coordinates().asEnvironment())
                    .environment(Map.of("GATEHOUSE_ADMIN_PASSWORD", adminPassword, "GATEHOUSE_MFA_REQUIRED_ROLES", "NONE",
                            "GATEHOUSE_SECRETS_KEY", Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32)),
                            "GATEHOUSE_IMPORT_WAIT_MS", "120000"))
                    .environment(extra)
                    .output(line -> {
                        log.println(line);
                        log.flush();
                    })
                    .start();
            server.awaitReady(Duration.ofMinutes(3));
            return new BenchServer(db, log, server);
        } catch (Exception e) {
            log.close();
            db.close();
            throw e;
        }
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    DatabaseCoordinates database() {
        return database.coordinates();
    }

    long pid() {
        return server.pid();
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            log.close();
            database.close();
        }
    }

    static Path existing(String file) {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(file + " is missing: run from the repository root after building the WAR");
        }
        return path;
    }
}
