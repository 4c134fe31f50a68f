package org.gatehouse.web.finding;

import java.time.Duration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.gatehouse.findings.importing.IdempotencyKeys;
import org.gatehouse.findings.importing.ImportRequest;
import org.gatehouse.findings.importing.ImportStatus;
import org.gatehouse.findings.importing.ReportImports;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.platform.crypto.Digests;
import org.gatehouse.platform.crypto.RequestSignature;
import org.gatehouse.scanner.core.intake.StoredReport;
import org.gatehouse.workflow.release.Release;

/**
 * A report push with an {@code Idempotency-Key} (ADR 0012): the first request with the key imports;
 * a retry, also one racing the first, waits until the first has queued its import and answers with
 * that one. Keys are per account and kept 24 hours ({@link IdempotencyKeys}).
 */
@ApplicationScoped
public class IdempotentPushes {
    @Inject
    ReportImports imports;

    @Inject
    IdempotencyKeys idempotencyKeys;


    /** The import that answers the push, and whether it was an earlier request's. */
    public record Pushed(ImportStatus status, boolean replayed) {
    }

    /**
     * Imports the received upload once per key, waiting at most {@code wait} for the import to end; the upload
     * belongs to this call (closed when not imported).
     */
    public Pushed push(Actor actor, Release release, ReportUploads.Received upload, String key, Duration wait) {
        ImportRequest request = upload.request();
        StoredReport stored = upload.report();
        String scope = "account:" + actor.account().orElseThrow().value();
        String digest = RequestSignature.hex(Digests.sha256(String.join("\n", release.id().value().toString(),
                request.scanner(), request.category(), request.commit().orElse(""), request.build().orElse(""),
                stored.sha256(), request.context().branch().orElse(""), request.context().pipelineUrl().orElse(""),
                request.context().artifactSha256().orElse(""))));
        long deadline = System.nanoTime() + wait.toNanos() + 30_000_000_000L;
        while (true) {
            IdempotencyKeys.Claim claim;
            try {
                claim = idempotencyKeys.claim(scope, key, digest);
            } catch (RuntimeException e) {
                upload.close();
                throw e;
            }
            if (claim instanceof IdempotencyKeys.Claim.Owned) {
                try {
                    return new Pushed(upload.submit(imports, actor, release, wait,
                            id -> idempotencyKeys.bind(scope, key, id)), false);
                } finally {
                    // a no-op once bound; frees the key when the push failed before its import was queued
                    idempotencyKeys.release(scope, key);
                }
            }
            if (claim instanceof IdempotencyKeys.Claim.Bound bound) {
                upload.close();
                return new Pushed(imports.await(actor, bound.id(), wait), true);
            }
            if (System.nanoTime() > deadline) {
                upload.close();
                throw new IdempotencyKeys.StillInProgress();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                upload.close();
                throw new IdempotencyKeys.StillInProgress();
            }
        }
    }
}
