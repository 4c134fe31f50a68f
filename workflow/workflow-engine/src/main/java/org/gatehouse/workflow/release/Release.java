package org.gatehouse.workflow.release;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.gatehouse.platform.id.Uuid7;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.api.ReleaseId;
import org.gatehouse.workflow.api.ReleaseStatus;
import org.gatehouse.platform.time.UtcTime;

/**
 * One iteration of a project (B.1.3.1-ia: a project runs several iterations), identified by its
 * version string. Until the workflow phases arrive a release is simply open or closed.
 */
@Entity
@Table(name = "release")
public class Release {
    public static final String VERSION_PATTERN = "[0-9A-Za-z][0-9A-Za-z._+-]{0,63}";
    private static final Pattern VALID_VERSION = Pattern.compile(VERSION_PATTERN);

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    @Column(name = "project_key", nullable = false, updatable = false)
    private String projectKey;

    @Column(name = "version_label", nullable = false, updatable = false)
    private String versionLabel;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private ReleaseStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected Release() {
        // for JPA
    }

    public Release(ProjectKey project, String version, Clock clock) {
        if (version == null || !VALID_VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("not a release version: " + version);
        }
        this.id = Uuid7.next(clock);
        this.projectKey = project.value();
        this.versionLabel = version;
        this.status = ReleaseStatus.OPEN;
        this.createdAt = UtcTime.now(clock);
    }

    /** Closes the release; closing a closed release changes nothing. */
    public void close(Clock clock) {
        if (status == ReleaseStatus.OPEN) {
            status = ReleaseStatus.CLOSED;
            closedAt = UtcTime.now(clock);
        }
    }

    public ReleaseId id() {
        return new ReleaseId(id);
    }

    public ProjectKey project() {
        return new ProjectKey(projectKey);
    }

    public String version() {
        return versionLabel;
    }

    public ReleaseStatus status() {
        return status;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public Optional<OffsetDateTime> closedAt() {
        return Optional.ofNullable(closedAt);
    }

    public long rowVersion() {
        return rowVersion;
    }
}
