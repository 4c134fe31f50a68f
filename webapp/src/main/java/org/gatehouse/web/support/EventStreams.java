package org.gatehouse.web.support;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Live progress as Server-Sent Events without holding a request thread: the stream is fed from a
 * managed scheduler every 500 ms, sends the state whenever it changed, and ends with an
 * {@code end} event once the work has ended (or after two hours, or when the client leaves). At
 * most 200 streams are open at once; more are answered with an immediate {@code end}.
 */
@ApplicationScoped
public class EventStreams {
    private static final Logger LOG = Logger.getLogger(EventStreams.class.getName());
    private static final Duration PERIOD = Duration.ofMillis(500);
    private static final Duration LONGEST = Duration.ofHours(2);

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Semaphore open = new Semaphore(200);

    /** Streams {@code read()} (named after the view's type) until {@code ended} says so. */
    public <T> void follow(SseEventSink sink, Sse sse, T first, Supplier<T> read, Predicate<T> ended) {
        String name = first.getClass().getSimpleName().replace("View", "").toLowerCase(java.util.Locale.ROOT);
        if (!send(sink, event(sse, name, first)) || ended.test(first) || !open.tryAcquire()) {
            finish(sink, sse, first);
            return;
        }
        AtomicReference<T> last = new AtomicReference<>(first);
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        long deadline = System.nanoTime() + LONGEST.toNanos();
        task.set(scheduler.scheduleWithFixedDelay(() -> {
            try {
                T now = read.get();
                boolean done = ended.test(now) || System.nanoTime() > deadline || sink.isClosed();
                if (!Objects.equals(now, last.getAndSet(now)) && !send(sink, event(sse, name, now))) {
                    done = true;
                }
                if (done) {
                    finish(sink, sse, now);
                    open.release();
                    task.get().cancel(false);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "event stream ended by an error", e);
                finish(sink, sse, last.get());
                open.release();
                task.get().cancel(false);
            }
        }, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS));
    }

    private static <T> OutboundSseEvent event(Sse sse, String name, T data) {
        return sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(data.getClass(), data).build();
    }

    private static <T> void finish(SseEventSink sink, Sse sse, T last) {
        if (!sink.isClosed()) {
            send(sink, sse.newEventBuilder().name("end").mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(last.getClass(), last).build());
            sink.close();
        }
    }

    private static boolean send(SseEventSink sink, OutboundSseEvent event) {
        if (sink.isClosed()) {
            return false;
        }
        try {
            sink.send(event).toCompletableFuture().get(10, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
