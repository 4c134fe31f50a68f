package org.gatehouse.launcher;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The run command: starts the database first (the embedded PostgreSQL unless {@code GATEHOUSE_DB_URL}
 * names one), then Payara Micro with the WAR, and stops both on Ctrl-C or SIGTERM (ADR 0002).
 */
public final class Launcher {
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(LaunchSettings.USAGE);
            return;
        }
        LaunchSettings settings;
        try {
            settings = LaunchSettings.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("gatehouse: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(settings));
    }

    static int run(LaunchSettings settings) {
        Instant start = Instant.now();
        EmbeddedDatabase embedded = null;
        PayaraMicroProcess server = null;
        try {
            DatabaseCoordinates database;
            if (settings.externalDatabase().isPresent()) {
                database = settings.externalDatabase().get();
                say("using the PostgreSQL at " + database.url());
            } else {
                embedded = EmbeddedDatabase.start(settings.postgresDataDirectory(), settings.postgresSecretsFile(),
                        settings.runtimeDirectory().resolve("postgres-bin"));
                database = embedded.coordinates();
                say("embedded PostgreSQL ready on localhost:" + embedded.port() + ", data in "
                        + settings.postgresDataDirectory() + " (" + Duration.between(start, Instant.now()).toMillis() + " ms)");
            }
            server = PayaraMicroProcess.builder()
                    .jvmOptions(settings.jvmOptions())
                    .payaraJar(settings.payaraJar())
                    .war(settings.war())
                    .rootDirectory(settings.runtimeDirectory().resolve("payara"))
                    .port(settings.port())
                    .environment(database.asEnvironment())
                    .environment(PlatformKey.environment(settings.home().resolve("data").resolve("secrets.key"),
                            System.getenv()))
                    .start();
            Runtime.getRuntime().addShutdownHook(shutdownHook(server, embedded));
            server.awaitReady(READY_TIMEOUT);
            System.gc(); // give back the heap used for unpacking PostgreSQL; the launcher only waits from here on
            say("Gatehouse is ready at http://localhost:" + settings.port() + "/ ("
                    + Duration.between(start, Instant.now()).toMillis() + " ms after launch)");
            int code = server.process().waitFor();
            say("Payara Micro stopped with exit code " + code);
            return code == 0 || code == 143 ? 0 : 1;
        } catch (PayaraMicroProcess.StartFailed e) {
            System.err.println("gatehouse: the server did not start: " + e.getMessage());
            System.err.println("gatehouse: see the log above; the most common causes are a port in use (--port)"
                    + " and a database migration that failed.");
            return 1;
        } catch (IOException e) {
            System.err.println("gatehouse: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            stopQuietly(Optional.ofNullable(server), Optional.ofNullable(embedded));
        }
    }

    private static Thread shutdownHook(PayaraMicroProcess server, EmbeddedDatabase embedded) {
        return new Thread(() -> stopQuietly(Optional.of(server), Optional.ofNullable(embedded)), "gatehouse-shutdown");
    }

    private static synchronized void stopQuietly(Optional<PayaraMicroProcess> server, Optional<EmbeddedDatabase> database) {
        server.filter(PayaraMicroProcess::isAlive).ifPresent(s -> s.stop(Duration.ofSeconds(30)));
        database.ifPresent(db -> {
            try {
                db.close();
            } catch (RuntimeException e) {
                System.err.println("gatehouse: stopping PostgreSQL: " + e.getMessage());
            }
        });
    }

    private static void say(String message) {
        System.out.println("[gatehouse] " + message);
    }
}
