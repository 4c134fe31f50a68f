package org.gatehouse.compliance;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.gatehouse.documents.store.DocumentVersion;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.workflow.lifecycle.Lifecycle;
import org.gatehouse.workflow.project.Project;
import org.gatehouse.workflow.release.Release;
import org.gatehouse.workflow.signing.DecisionSignatures;

/**
 * What the checks of one evaluation share about a project: the reader, the project, how many releases it
 * has, its latest release and its latest released one, and — computed once, on first use — the latest
 * release's gates evaluated now, its document versions the reader may see and its signed decisions checked
 * now. Whatever the number of releases, an evaluation reads at most these two releases (ADR 0021).
 */
public final class ProjectEvidence {
    private final Actor reader;
    private final Project project;
    private final long releaseCount;
    private final Optional<Release> latest;
    private final Optional<Release> latestReleased;
    private final Memo<List<Lifecycle.RouteGates>> gates;
    private final Memo<Lifecycle> lifecycle;
    private final Memo<List<DocumentVersion>> documents;
    private final Memo<List<DecisionSignatures.Checked>> signatures;

    ProjectEvidence(Actor reader, Project project, long releaseCount, Optional<Release> latest,
            Optional<Release> latestReleased, Supplier<Lifecycle> lifecycle, Supplier<List<Lifecycle.RouteGates>> gates,
            Supplier<List<DocumentVersion>> documents, Supplier<List<DecisionSignatures.Checked>> signatures) {
        this.reader = reader;
        this.project = project;
        this.releaseCount = releaseCount;
        this.latest = latest;
        this.latestReleased = latestReleased;
        this.lifecycle = new Memo<>(lifecycle);
        this.gates = new Memo<>(gates);
        this.documents = new Memo<>(documents);
        this.signatures = new Memo<>(signatures);
    }

    /** Who reads the matrix (COMPLIANCE_READ in the project); checks read through boundaries as this actor. */
    public Actor reader() {
        return reader;
    }

    public Project project() {
        return project;
    }

    public long releaseCount() {
        return releaseCount;
    }

    /** The newest release of the project, whatever its phase. */
    public Optional<Release> latest() {
        return latest;
    }

    /** The newest release that reached RELEASED. */
    public Optional<Release> latestReleased() {
        return latestReleased;
    }

    /** The latest release's lifecycle (its definition and state); only when there is a release. */
    public Lifecycle lifecycle() {
        return lifecycle.get();
    }

    /** Every forward gate of the latest release's definition evaluated now (the release board's view). */
    public List<Lifecycle.RouteGates> gates() {
        return latest.isEmpty() ? List.of() : gates.get();
    }

    /** The latest release's document versions within the reader's distribution scope. */
    public List<DocumentVersion> documents() {
        return latest.isEmpty() ? List.of() : documents.get();
    }

    /** The latest release's signed decisions, each checked now. */
    public List<DecisionSignatures.Checked> signatures() {
        return latest.isEmpty() ? List.of() : signatures.get();
    }

    /** A value computed on first use, then kept for the evaluation. */
    private static final class Memo<T> {
        private Supplier<T> source;
        private T value;

        Memo(Supplier<T> source) {
            this.source = source;
        }

        synchronized T get() {
            if (source != null) {
                value = source.get();
                source = null;
            }
            return value;
        }
    }
}
