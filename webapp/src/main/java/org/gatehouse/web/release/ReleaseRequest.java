package org.gatehouse.web.release;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.gatehouse.workflow.release.Release;

/** The body of {@code POST /projects/{key}/releases} (a class, not a record: see ProjectRequest). */
public class ReleaseRequest {
    @NotNull(message = "{validation.required}")
    @Pattern(regexp = Release.VERSION_PATTERN, message = "{validation.releaseVersion}")
    public String version;
}
