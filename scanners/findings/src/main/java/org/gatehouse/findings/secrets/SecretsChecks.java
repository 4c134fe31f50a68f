package org.gatehouse.findings.secrets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.gatehouse.findings.importing.ImportRequest;
import org.gatehouse.findings.importing.ImportStatus;
import org.gatehouse.findings.importing.ReportImports;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.scanner.core.intake.IntakeLimits;
import org.gatehouse.scanner.core.intake.StoredReport;
import org.gatehouse.scanner.core.secrets.SecretsCheck;
import org.gatehouse.workflow.release.Release;

/**
 * The secrets check of an uploaded file or archive (8.5.2, C.2): who may run it (those who may import
 * into the release: FINDING_IMPORT), and its submission to the import pipeline with the project's
 * register, so that its findings (scanner {@code secrets-check}, analysis kind secrets) are stored all or
 * nothing and follow the normal lifecycle; a later check of the same category closes what is gone.
 */
@ApplicationScoped
public class SecretsChecks {
    /** Entries a checked archive may have (a build artifact holds many files; the other limits are the intake's). */
    static final int MAX_ENTRIES = 20_000;

    @Inject
    ReportImports imports;

    @Inject
    ProductionKeys keys;

    /** The release the actor may check uploads into; before a byte of the upload is read. */
    public Release authorize(Actor actor, String releaseId) {
        return imports.authorize(actor, releaseId);
    }

    /**
     * Queues the check of a received upload (it now belongs to the check) and waits up to {@code wait}.
     *
     * @param limits the intake limits the upload was received with
     */
    public ImportStatus submit(Actor actor, Release release, String category, Optional<String> commit,
            Optional<String> build, StoredReport upload, IntakeLimits limits, Duration wait) {
        ImportRequest request;
        SecretsCheck check;
        try {
            request = new ImportRequest(SecretsCheck.DESCRIPTOR.id(), category, commit, build);
            check = new SecretsCheck(keys.known(release.project()), limits.withMaxZipEntries(MAX_ENTRIES),
                    upload.uploadedBytes());
        } catch (RuntimeException e) {
            upload.close();
            throw e;
        }
        return imports.submit(actor, release, request, check, upload, wait, id -> { });
    }
}
