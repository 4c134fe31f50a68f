package org.gatehouse.web.it;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.gatehouse.launcher.DatabaseCoordinates;
import org.gatehouse.launcher.FreePort;
import org.gatehouse.launcher.PayaraMicroProcess;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: one real Payara Micro with the built WAR on a real PostgreSQL for the whole
 * test JVM, started on first use on a free port and stopped when the run ends. Tests ask for an
 * {@link Api} (the administrator's session), {@link Users} (to make accounts with roles) or a
 * {@link TestDatabase} as parameters. {@link #start} also serves tests that need a
 * server of their own.
 */
public final class GatehouseServer implements BeforeAllCallback, ParameterResolver {
    /** Fast start for tests (RUNTIME.md): C1 only and the serial collector halve CPU to ready. */
    public static final List<String> TEST_JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    /**
     * The administrator's one-time password, and loopback as a trusted proxy so that each test
     * client can present an address of its own in X-Forwarded-For (per-address throttling).
     */
    static final java.util.Map<String, String> TEST_ENVIRONMENT = java.util.Map.ofEntries(
            java.util.Map.entry("GATEHOUSE_ADMIN_PASSWORD", Users.ADMIN_INITIAL_PASSWORD),
            java.util.Map.entry("GATEHOUSE_HTTP_TRUSTED_PROXIES", "127.0.0.1,0:0:0:0:0:0:0:1,::1"),
            java.util.Map.entry("GATEHOUSE_LOGIN_DELAY_BASE_MS", "20"),
            java.util.Map.entry("GATEHOUSE_SECRETS_KEY",
                    java.util.Base64.getEncoder().encodeToString(new java.security.SecureRandom().generateSeed(32))),
            // The shared server lets tests act as any role without a second factor; SecondFactorIT runs
            // its own server with the default (administrators, security administrators and reviewers).
            java.util.Map.entry("GATEHOUSE_MFA_REQUIRED_ROLES", "NONE"),
            // expired risk acceptances are looked for every second (FindingsIT waits for one)
            java.util.Map.entry("GATEHOUSE_RISK_ACCEPTANCE_CHECK_SECONDS", "1"),
            // prepared findings a stop left behind are looked for every 2 s (FirstImportIT)
            java.util.Map.entry("GATEHOUSE_IMPORT_PREPARED_CHECK_SECONDS", "2"),
            // the fake issue trackers of TrackerSyncIT listen on loopback, which the address policy refuses by default;
            // the sync runs every second there
            java.util.Map.entry("GATEHOUSE_TRACKERS_ALLOWED_ADDRESSES", "127.0.0.0/8,::1"),
            java.util.Map.entry("GATEHOUSE_TRACKERS_SYNC_SECONDS", "1"),
            // the worker JVM's classpath for white-box scans (ScansIT)
            java.util.Map.entry("GATEHOUSE_SCAN_WORKER_LIB", System.getProperty("gatehouse.scan.worker-lib", "")),
            // webhooks to receivers inside the tests (loopback, refused by default), a quick relay and
            // retries; e-mail to the GreenMail SMTP server of this test JVM (OutboundEventsIT)
            java.util.Map.entry("GATEHOUSE_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.0/8,::1/128"),
            java.util.Map.entry("GATEHOUSE_OUTBOX_POLL_MS", "100"),
            java.util.Map.entry("GATEHOUSE_OUTBOX_RETRY_BASE_SECONDS", "1"),
            java.util.Map.entry("GATEHOUSE_OUTBOX_RETRY_MAX_SECONDS", "2"),
            java.util.Map.entry("GATEHOUSE_OUTBOX_MAX_ATTEMPTS", "4"),
            java.util.Map.entry("GATEHOUSE_MAIL_HOST", "127.0.0.1"),
            java.util.Map.entry("GATEHOUSE_MAIL_PORT", Integer.toString(Mailbox.PORT)),
            java.util.Map.entry("GATEHOUSE_MAIL_STARTTLS", "none"),
            java.util.Map.entry("GATEHOUSE_MAIL_FROM", "gatehouse@gatehouse.test"),
            // C.1: the role-suspension sweep runs every 2 seconds (PersonnelIT waits for one)
            java.util.Map.entry("GATEHOUSE_PERSONNEL_SWEEP_SECONDS", "2"),
            // where CI agents "share storage" with the server: artifacts named by path (ScanInputsIT)
            java.util.Map.entry("GATEHOUSE_SCAN_PATH_ROOTS", scanRoots().toString()),
            // a 1 MB document quota per project, so that UploadedDocumentsIT reaches the warning and the limit
            java.util.Map.entry("GATEHOUSE_DOCUMENTS_QUOTA_MB", "1"));
    private static final AtomicInteger SERVERS = new AtomicInteger();

    /** The shared server of this test JVM, its database, and its administrator's session. */
    public record Running(TestDatabase database, PayaraMicroProcess server, Users users)
            implements ExtensionContext.Store.CloseableResource {
        /** An anonymous client. */
        public Api anonymous() {
            return new Api(server.baseUri());
        }

        @Override
        public void close() {
            try {
                server.close();
            } finally {
                database.close();
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        shared(context);
    }

    private static Running shared(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, key -> {
                    Mailbox.start();
                    TestDatabase database = TestDatabase.create(itDirectory().resolve("databases"));
                    PayaraMicroProcess server = null;
                    try {
                        server = start(database.application());
                        Api admin = Users.firstLogin(new Api(server.baseUri()), "admin", Users.ADMIN_INITIAL_PASSWORD,
                                Users.PASSWORD);
                        return new Running(database, server, new Users(admin));
                    } catch (RuntimeException | AssertionError e) {
                        if (server != null) {
                            server.close();
                        }
                        database.close();
                        throw e;
                    }
                }, Running.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Api.class || type == TestDatabase.class || type == Running.class || type == Users.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = shared(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == Api.class) {
            return running.users().admin();
        }
        if (type == Users.class) {
            return running.users();
        }
        return type == TestDatabase.class ? running.database() : running;
    }

    /**
     * Starts Payara Micro with the WAR on the given database and waits until it is ready; retries
     * on another port when the chosen one was taken meanwhile.
     *
     * @throws PayaraStartFailed when it did not come up (the process is gone by then)
     */
    public static PayaraMicroProcess start(DatabaseCoordinates database) {
        return start(database, TEST_ENVIRONMENT);
    }

    /** The same with another environment for the server (instead of {@link #TEST_ENVIRONMENT}). */
    public static PayaraMicroProcess start(DatabaseCoordinates database, java.util.Map<String, String> environment) {
        PayaraMicroProcess.StartFailed last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int n = SERVERS.incrementAndGet();
            Path log = itDirectory().resolve("payara-" + n + ".log");
            PrintWriter out = openLog(log);
            PayaraMicroProcess server;
            try {
                server = PayaraMicroProcess.builder()
                        .jvmOptions(TEST_JVM_OPTIONS)
                        .payaraJar(Path.of(property("gatehouse.payara")))
                        .war(Path.of(property("gatehouse.war")))
                        .rootDirectory(itDirectory().resolve("payara-root-" + n))
                        .port(FreePort.find())
                        .environment(database.asEnvironment())
                        .environment(environment)
                        .output(line -> {
                            out.println(line);
                            out.flush();
                        })
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                Duration took = server.awaitReady(READY_TIMEOUT);
                System.out.println("[it] Payara Micro #" + n + " ready on port " + server.port() + " in "
                        + took.toMillis() + " ms (log " + log + ")");
                return server;
            } catch (PayaraMicroProcess.StartFailed e) {
                server.close();
                last = e;
                if (!e.portTaken()) {
                    break;
                }
            }
        }
        throw new PayaraStartFailed(last);
    }

    /** The one directory under which the shared server scans artifacts named by path. */
    static Path scanRoots() {
        try {
            return Files.createDirectories(itDirectory().resolve("scan-roots"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path itDirectory() {
        Path dir = Path.of(property("gatehouse.it.dir"));
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set: run the ITs through Maven (mvn verify)");
        }
        return value;
    }

    private static PrintWriter openLog(Path log) {
        try {
            return new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server did not start; the message carries the end of its log. */
    public static final class PayaraStartFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient PayaraMicroProcess.StartFailed failure;

        PayaraStartFailed(PayaraMicroProcess.StartFailed failure) {
            super(failure.getMessage() + "\n" + String.join("\n", failure.log()), failure);
            this.failure = failure;
        }

        public PayaraMicroProcess.StartFailed failure() {
            return failure;
        }
    }
}
