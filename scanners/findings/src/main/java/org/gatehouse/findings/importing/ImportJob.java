package org.gatehouse.findings.importing;

import java.util.Optional;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.scanner.api.ReportSource;
import org.gatehouse.scanner.api.ScannerPlugin;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.api.ProtectionLevel;
import org.gatehouse.workflow.api.ReleaseId;

/**
 * One accepted report waiting for the pipeline: where it goes (project, release, scanner and
 * category: the scope that a re-import compares with), where it came from (commit, build), who
 * sent it, and the stored file, deleted by {@code cleanup} when the job ends.
 */
public record ImportJob(ImportId id, ProjectKey project, ProtectionLevel level, ReleaseId release, ScannerPlugin plugin,
        String category, Optional<String> commit, Optional<String> build, Actor actor, ReportSource source,
        long reportBytes, AutoCloseable cleanup) {
}
