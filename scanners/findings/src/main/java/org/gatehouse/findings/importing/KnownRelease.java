package org.gatehouse.findings.importing;

import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.api.ProtectionLevel;
import org.gatehouse.workflow.api.ReleaseId;

/**
 * The release an upload goes into, known (and authorised) before its first byte: a project's first import of a
 * scanner may then create its findings while the report arrives ({@link FirstFindings}).
 */
public record KnownRelease(ProjectKey project, ReleaseId release, ProtectionLevel level) {
}
