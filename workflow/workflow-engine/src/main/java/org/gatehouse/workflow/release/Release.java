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
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gatehouse.platform.id.Uuid7;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.api.ReleaseId;
import org.gatehouse.workflow.api.ReleaseStatus;
import org.gatehouse.platform.time.UtcTime;
import org.gatehouse.workflow.lifecycle.ActivityId;
import org.gatehouse.workflow.lifecycle.DefinitionRef;
import org.gatehouse.workflow.lifecycle.Phase;
import org.gatehouse.workflow.lifecycle.ReleaseState;
import org.gatehouse.workflow.lifecycle.Waiver;
import org.gatehouse.workflow.lifecycle.WorkflowDefinition;

/**
 * One iteration of a project (B.1.3.1-ia: a project runs several iterations), identified by its
 * version string. It keeps the workflow definition it started with and where it stands in it
 * (phase, lifecycle version, activities done); it is open until its lifecycle ends.
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

    @Column(name = "definition_id", nullable = false, updatable = false)
    private String definitionId;

    @Column(name = "definition_version", nullable = false, updatable = false)
    private int definitionVersion;

    @Enumerated(EnumType.STRING)
    @Column(name = "phase", nullable = false)
    private Phase phase;

    @Column(name = "lifecycle_version", nullable = false)
    private long lifecycleVersion;

    /** The activities done in the current phase visit, comma-separated kebab-case ids. */
    @Column(name = "completed_activities", nullable = false)
    private String completedActivities;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected Release() {
        // for JPA
    }

    /** A new release at the initial phase of the definition it will keep for good (8.1). */
    public Release(ProjectKey project, String version, WorkflowDefinition definition, Clock clock) {
        if (version == null || !VALID_VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("not a release version: " + version);
        }
        this.id = Uuid7.next(clock);
        this.projectKey = project.value();
        this.versionLabel = version;
        this.status = ReleaseStatus.OPEN;
        this.createdAt = UtcTime.now(clock);
        this.definitionId = definition.ref().id();
        this.definitionVersion = definition.ref().version();
        this.phase = definition.initialPhase();
        this.lifecycleVersion = 0;
        this.completedActivities = "";
    }

    /** Where the release stands, with the waivers granted on it (kept in their own log). */
    public ReleaseState lifecycleState(List<Waiver> waivers) {
        return new ReleaseState(id(), definition(), phase, lifecycleVersion, activities(), waivers);
    }

    /**
     * Takes a state the lifecycle engine produced from this release's own state; a terminal phase
     * closes the release. The engine has checked the expected version; the row version guards against
     * a concurrent writer between reading and writing.
     */
    public void moveTo(ReleaseState next, boolean terminal, Clock clock) {
        if (!next.release().equals(id()) || !next.definition().equals(definition())) {
            throw new IllegalArgumentException("a state of another release or definition: " + next);
        }
        if (next.version() <= lifecycleVersion) {
            throw new IllegalArgumentException("a lifecycle state older than " + lifecycleVersion);
        }
        phase = next.phase();
        lifecycleVersion = next.version();
        completedActivities = next.completedActivities().stream().map(ActivityId::value).sorted()
                .collect(Collectors.joining(","));
        if (terminal && status == ReleaseStatus.OPEN) {
            status = ReleaseStatus.CLOSED;
            closedAt = UtcTime.now(clock);
        }
    }

    public DefinitionRef definition() {
        return new DefinitionRef(definitionId, definitionVersion);
    }

    public Phase phase() {
        return phase;
    }

    public long lifecycleVersion() {
        return lifecycleVersion;
    }

    public Set<ActivityId> activities() {
        if (completedActivities.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(completedActivities.split(",")).map(ActivityId::new)
                .collect(Collectors.toCollection(LinkedHashSet::new));
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
