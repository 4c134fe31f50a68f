package org.gatehouse.workflow.release;

import java.util.List;
import org.gatehouse.workflow.api.ReleaseId;

/**
 * The build artifacts a release was scanned as (C.4 build provenance): name and SHA-256, contributed
 * by the module that runs the scans (a CDI bean); the release certificate lists them.
 */
public interface ReleaseArtifacts {

    /** One artifact: its file name and SHA-256 (lower-case hex). */
    record Artifact(String name, String sha256) {
    }

    List<Artifact> of(ReleaseId release);
}
