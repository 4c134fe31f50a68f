package org.gatehouse.scanner.zapdriver;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.gatehouse.scanner.zapdriver.ZapApi.ZapCall;
import org.zaproxy.clientapi.core.ClientApiException;

/** Calls to ZAP with bounded retries, pauses that a cancel cuts short, and the scan's overall deadline. */
final class PatientCalls {
    static final int ATTEMPTS = 3;
    private static final Logger LOG = Logger.getLogger(BlackBoxScan.class.getName());
    private final ZapApi api;
    private final Redactor redactor;
    private final Duration pollInterval;
    private final Instant deadline;
    private final Clock clock = Clock.systemUTC();
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private boolean answered;

    PatientCalls(ZapApi api, Redactor redactor, Duration pollInterval, Instant deadline) {
        this.api = api;
        this.redactor = redactor;
        this.pollInterval = pollInterval;
        this.deadline = deadline;
    }

    /** Transient failures are retried {@value #ATTEMPTS} times in all; anything else stops the run. */
    <T> T call(String endpoint, ZapCall<T> zapCall) {
        for (int attempt = 1; ; attempt++) {
            try {
                T result = zapCall.call();
                answered = true;
                return result;
            } catch (ZapCallFailed e) {
                if (!e.problem().transientFailure()) {
                    throw failed(e.problem(), e.getMessage());
                }
                if (attempt >= ATTEMPTS) {
                    throw answered
                            ? failed(ZapProblem.STOPPED_ANSWERING, "ZAP stopped answering at " + api.where() + " ("
                                    + endpoint + ", " + ATTEMPTS + " attempts; last: " + e.getMessage() + ")")
                            : failed(e.problem(), "ZAP is unreachable: " + e.getMessage());
                }
                log(Level.WARNING, endpoint + " failed (attempt " + attempt + " of " + ATTEMPTS + "): " + e.getMessage());
                pause();
            } catch (ClientApiException e) { // not thrown by ZapApi, declared by zap-clientapi
                throw failed(ZapProblem.ZAP_ERROR, endpoint + ": " + e.getMessage());
            }
        }
    }

    /** One attempt whose failure only gets logged (stopping and cleaning up). */
    void bestEffort(String endpoint, ZapCall<?> zapCall) {
        try {
            zapCall.call();
        } catch (ClientApiException e) {
            log(Level.FINE, endpoint + " (best effort) failed: " + e.getMessage());
        }
    }

    void pause() {
        checkpoint();
        long millis = Math.max(1, Math.min(pollInterval.toMillis(), Duration.between(clock.instant(), deadline).toMillis()));
        try {
            cancelled.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled.countDown();
        }
        checkpoint();
    }

    void checkpoint() {
        if (cancelled.getCount() == 0) {
            throw new Stopped(Stopped.How.CANCELLED, Optional.empty(), "cancelled");
        }
        if (!clock.instant().isBefore(deadline)) {
            throw new Stopped(Stopped.How.TIMED_OUT, Optional.empty(), "the overall timeout passed at " + deadline);
        }
    }

    void cancel() {
        cancelled.countDown();
    }

    Stopped failed(ZapProblem problem, String reason) {
        return new Stopped(Stopped.How.FAILED, Optional.of(problem), redactor.apply(reason));
    }

    void log(Level level, String message) {
        LOG.log(level, redactor.apply(message));
    }

    /** A run stopping early; internal control flow that never leaves {@link BlackBoxScan#run()}. */
    static final class Stopped extends RuntimeException {
        enum How { CANCELLED, TIMED_OUT, FAILED }

        private final How how;
        private final transient Optional<ZapProblem> problem;

        Stopped(How how, Optional<ZapProblem> problem, String reason) {
            super(reason, null, false, false);
            this.how = how;
            this.problem = problem;
        }

        ScanOutcome outcome(ScanState state) {
            return switch (how) {
                case CANCELLED -> new ScanOutcome.Cancelled(state);
                case TIMED_OUT -> new ScanOutcome.TimedOut(state);
                case FAILED -> new ScanOutcome.Failed(state, problem.orElseThrow(), getMessage());
            };
        }

        /** ZAP does not answer: asking it to stop its scans is pointless. */
        boolean zapGone() {
            return problem.filter(p -> p.transientFailure() || p == ZapProblem.STOPPED_ANSWERING).isPresent();
        }

        @Override
        public String toString() {
            return how + ": " + getMessage();
        }
    }
}
