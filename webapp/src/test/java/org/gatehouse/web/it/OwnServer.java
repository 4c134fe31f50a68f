package org.gatehouse.web.it;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.gatehouse.launcher.PayaraMicroProcess;

/**
 * A real server on a fresh database of one test class's own, for settings or changes that would disturb the tests
 * sharing {@link GatehouseServer}'s (a published workflow definition, a disabled poll, the second factor required).
 * Start it in {@code @BeforeAll}, close it in {@code @AfterAll}.
 */
final class OwnServer implements AutoCloseable {
    private final TestDatabase database;
    private final PayaraMicroProcess server;

    private OwnServer(TestDatabase database, PayaraMicroProcess server) {
        this.database = database;
        this.server = server;
    }

    /** The test environment, changed by {@code settings} (e.g. {@code env -> env.put(…)}). */
    static OwnServer start(Consumer<Map<String, String>> settings) {
        Map<String, String> environment = new HashMap<>(GatehouseServer.TEST_ENVIRONMENT);
        settings.accept(environment);
        TestDatabase database = TestDatabase.create(GatehouseServer.itDirectory().resolve("databases"));
        try {
            return new OwnServer(database, GatehouseServer.start(database.application(), environment));
        } catch (RuntimeException | Error e) {
            database.close();
            throw e;
        }
    }

    static OwnServer start() {
        return start(environment -> { });
    }

    URI baseUri() {
        return server.baseUri();
    }

    /** The administrator's first login (password changed) and the people made through it. */
    Users users() {
        return new Users(Users.firstLogin(new Api(baseUri()), "admin", Users.ADMIN_INITIAL_PASSWORD, Users.PASSWORD));
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
