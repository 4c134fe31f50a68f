package org.gatehouse.workflow.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.api.ProtectionLevel;
import org.gatehouse.platform.time.UtcTime;

/**
 * A software project governed by Gatehouse. Its protection level (guide 8.2/8.3) selects how strict
 * the gates of its releases are. The key is the primary key: it is typed by people, appears in
 * ticket keys and never changes.
 */
@Entity
@Table(name = "project")
public class Project {
    static final int NAME_MAX = 200;
    static final int DESCRIPTION_MAX = 4000;
    static final int OWNER_MAX = 64;

    @Id
    @Column(name = "project_key", nullable = false, updatable = false)
    private String key;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "description")
    private String description;

    @Column(name = "protection_level", nullable = false)
    private int protectionLevel;

    @Column(name = "owner_login", nullable = false)
    private String owner;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long version;

    protected Project() {
        // for JPA
    }

    public Project(ProjectDetails details, Clock clock) {
        this.key = details.key().value();
        this.createdAt = UtcTime.now(clock);
        apply(details, createdAt);
    }

    /**
     * Changes the editable details; the key is fixed.
     *
     * @return whether anything changed (an unchanged revision keeps the version)
     */
    public boolean revise(ProjectDetails details, Clock clock) {
        if (!details.key().value().equals(key)) {
            throw new IllegalArgumentException("the key of a project cannot change");
        }
        if (details.equals(details())) {
            return false;
        }
        apply(details, UtcTime.now(clock));
        return true;
    }

    private void apply(ProjectDetails details, OffsetDateTime at) {
        this.name = details.name();
        this.description = details.description().orElse(null);
        this.protectionLevel = details.protectionLevel().number();
        this.owner = details.owner();
        this.updatedAt = at;
    }

    public ProjectKey key() {
        return new ProjectKey(key);
    }

    public ProjectDetails details() {
        return new ProjectDetails(key(), name, Optional.ofNullable(description), protectionLevel(), owner);
    }

    public String name() {
        return name;
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public ProtectionLevel protectionLevel() {
        return ProtectionLevel.of(protectionLevel);
    }

    public String owner() {
        return owner;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
