package org.gatehouse.notify.relay;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gatehouse.identity.outbox.Outbox;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Wakes the relay when an outbox event commits (ADR 0015): {@link Outbox} notifies {@link Outbox#CHANNEL} in the
 * event's own transaction, PostgreSQL delivers that on commit (never for a rollback), and this listener — one
 * connection of its own, outside the pool, on a managed thread — runs a relay round at once. Delivery latency is
 * then the receiver's, not half a poll interval. The poll stays as the safety net: while this connection is down it
 * reconnects with back-off (1 s doubling to 30 s), and a round runs on every (re)connection for what committed
 * meanwhile. {@code gatehouse.outbox.listen=false} turns it off.
 */
@ApplicationScoped
public class OutboxWakeUp {
    private static final Logger LOG = Logger.getLogger(OutboxWakeUp.class.getName());
    private static final int WAIT_MILLIS = 10_000;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "gatehouse.outbox.listen", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "gatehouse.db.url")
    String url;

    @Inject
    @ConfigProperty(name = "gatehouse.db.user")
    String user;

    @Inject
    @ConfigProperty(name = "gatehouse.db.password", defaultValue = "")
    String password;

    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    /** Starts listening (once); {@code false} when switched off. {@code wake} must be cheap to call twice. */
    public synchronized boolean start(Runnable wake) {
        if (!enabled) {
            return false;
        }
        if (thread == null) {
            running = true;
            thread = threads.newThread(() -> listen(wake));
            thread.setName("gatehouse-outbox-listener");
            thread.start();
        }
        return true;
    }

    private void listen(Runnable wake) {
        long backoff = 1000;
        while (running) {
            try (Connection c = connect()) {
                connection = c;
                try (Statement listen = c.createStatement()) {
                    listen.execute("LISTEN " + Outbox.CHANNEL);
                }
                PGConnection notifications = c.unwrap(PGConnection.class);
                backoff = 1000;
                wake.run(); // what committed while nobody listened
                while (running) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                    if (received != null && received.length > 0) {
                        wake.run();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.log(Level.WARNING, "outbox listener lost its connection; the poll delivers meanwhile, reconnecting in "
                        + backoff + " ms: " + e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(30_000, backoff * 2);
            } finally {
                connection = null;
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", "gatehouse-outbox-listener");
        Connection c = new org.postgresql.Driver().connect(url, properties);
        if (c == null) {
            throw new SQLException("not a PostgreSQL URL");
        }
        return c;
    }

    @PreDestroy
    synchronized void stop() {
        running = false;
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.log(Level.FINE, "closing the outbox listener", e);
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
