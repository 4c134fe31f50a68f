package org.gatehouse.evidence.certificate;

import java.util.Objects;
import org.gatehouse.evidence.Sha256;

/** A released artifact by name and SHA-256. */
public record Artifact(String name, Sha256 sha256) {
    public Artifact {
        Fields.text(name, "artifact name");
        Objects.requireNonNull(sha256, "sha256");
    }
}
