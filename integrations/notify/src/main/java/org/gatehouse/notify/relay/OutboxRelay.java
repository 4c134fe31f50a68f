package org.gatehouse.notify.relay;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.gatehouse.identity.secondfactor.SecretBox;
import org.gatehouse.notify.mail.MailTemplates;
import org.gatehouse.notify.mail.Mailer;
import org.gatehouse.notify.webhook.WebhookSender;
import org.gatehouse.notify.webhook.Webhooks;
import org.gatehouse.platform.time.UtcTime;

/**
 * The outbox relay (issue 7, ADR 0015): on each committed event ({@link OutboxWakeUp}) and every
 * {@code gatehouse.outbox.poll-ms} (the safety net, and retries that fall due) it fans committed
 * events out into deliveries, claims the due ones with a lease, attempts them in parallel (up to
 * {@code gatehouse.outbox.concurrency}) and records each attempt. All state is in the database, so
 * a restart or a second instance picks up where it stopped. At least once: an attempt whose answer
 * was lost (crash after the receiver's 2xx, before our commit) is made again with the same
 * {@code Gatehouse-Delivery} id.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
    private static final SecureRandom JITTER = new SecureRandom();
    /** Ticks drain at most this many rounds of claims before yielding. */
    private static final int MAX_ROUNDS = 50;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService workers;

    @Inject
    FanOut fanOut;

    @Inject
    Deliveries deliveries;

    @Inject
    RelaySettings settings;

    @Inject
    SecretBox secrets;

    @Inject
    Mailer mailer;

    @Inject
    Clock clock;

    @Inject
    OutboxWakeUp wakeUp;

    private final AtomicBoolean ticking = new AtomicBoolean();
    private volatile boolean again;
    private ScheduledFuture<?> task;
    private WebhookSender sender;

    public synchronized void start() {
        if (task == null) {
            sender = new WebhookSender(settings.connectTimeout(), settings.timeout(), settings.egressPolicy());
            long poll = settings.poll().toMillis();
            task = scheduler.scheduleWithFixedDelay(this::wake, poll, poll, TimeUnit.MILLISECONDS);
            boolean listening = wakeUp.start(this::wake);
            LOG.info(() -> "outbox relay started (" + (listening ? "on each commit, and " : "") + "every " + poll + " ms, "
                    + settings.concurrency() + " at once)");
        }
    }

    /**
     * Runs a round now, or, when one is running (the poll and a commit's notification may meet), makes that one
     * go round once more: no two rounds run at once and no wake-up is lost.
     */
    void wake() {
        again = true;
        while (again && ticking.compareAndSet(false, true)) {
            try {
                again = false;
                tick();
            } finally {
                ticking.set(false);
            }
        }
    }

    /** One round: fan out, then claim and attempt until nothing is due (bounded). */
    void tick() {
        try {
            while (fanOut.run(200) == 200) {
                // more waiting: keep dispatching
            }
            for (int round = 0; round < MAX_ROUNDS; round++) {
                List<Deliveries.Claimed> due = deliveries.claim(settings.concurrency(), settings.lease());
                if (due.isEmpty()) {
                    return;
                }
                List<Future<?>> running = new ArrayList<>();
                for (Deliveries.Claimed claimed : due) {
                    running.add(workers.submit(() -> attempt(claimed)));
                }
                for (Future<?> future : running) {
                    future.get();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            LOG.log(Level.WARNING, "outbox relay round failed; it is retried", e);
        }
    }

    private void attempt(Deliveries.Claimed claimed) {
        OffsetDateTime started = UtcTime.now(clock);
        long t0 = System.nanoTime();
        Deliveries.Result result;
        try {
            result = claimed.channel().equals("WEBHOOK") ? webhook(claimed) : mail(claimed);
        } catch (RuntimeException e) {
            result = new Deliveries.Result(false, Optional.empty(), Optional.of(e.getClass().getSimpleName()), false);
        }
        long duration = (System.nanoTime() - t0) / 1_000_000;
        deliveries.finish(claimed, started, duration, result, settings.backoff().after(claimed.attempt(), JITTER));
    }

    private Deliveries.Result webhook(Deliveries.Claimed d) {
        if (!d.webhookActive().orElse(false) || d.url().isEmpty() || d.sealedSecret().isEmpty()) {
            return new Deliveries.Result(false, Optional.empty(), Optional.of("webhook inactive or removed"), true);
        }
        byte[] secret = Webhooks.open(secrets, d.webhook().orElseThrow(), d.sealedSecret().get());
        byte[] body = body(d).getBytes(StandardCharsets.UTF_8);
        WebhookSender.Outcome outcome = sender.send(d.url().get(), secret, d.id().toString(), d.eventType(),
                clock.instant().getEpochSecond(), body);
        return new Deliveries.Result(outcome.delivered(), outcome.status(), outcome.error(), false);
    }

    private Deliveries.Result mail(Deliveries.Claimed d) {
        if (d.email().isEmpty()) {
            return new Deliveries.Result(false, Optional.empty(), Optional.of("no e-mail address"), true);
        }
        MailTemplates.Mail mail = MailTemplates.render(d.eventType(), d.project().orElse("-"), d.subject(), MailTemplates.fields(d.payload()),
                d.occurredAt().toInstant().toString(), d.language().orElse("zh-CN"));
        Optional<String> error = mailer.send(d.email().get(), mail, d.id().toString());
        return new Deliveries.Result(error.isEmpty(), Optional.empty(), error, false);
    }

    /** The webhook payload: the event with its data. */
    static String body(Deliveries.Claimed d) {
        try (JsonReader data = Json.createReader(new StringReader(d.payload()))) {
            var body = Json.createObjectBuilder().add("id", d.event().toString()).add("type", d.eventType())
                    .add("occurredAt", d.occurredAt().toInstant().toString());
            d.project().ifPresent(p -> body.add("project", p));
            return body.add("subject", d.subject()).add("data", data.readObject()).build().toString();
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
