package org.gatehouse.findings.gate;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gatehouse.findings.gate.ReleaseFindings.Imports;
import org.gatehouse.scanner.api.AnalysisKind;
import org.gatehouse.scanner.api.Severity;
import org.gatehouse.workflow.lifecycle.DefaultDefinitions;
import org.gatehouse.workflow.lifecycle.Gate;
import org.gatehouse.workflow.lifecycle.GateContext;
import org.gatehouse.workflow.lifecycle.GateId;
import org.gatehouse.workflow.lifecycle.GateResult;

/**
 * A scan of one kind was imported for the release and left no finding open at or above the
 * definition's threshold (B.1.3.1-if white-box, B.1.3.1-ig black-box). Waits while an import of
 * that kind is still running: its result may change the answer.
 */
abstract class ScanGate implements Gate {
    private final GateId id;
    private final AnalysisKind kind;
    private final String slug;

    @Inject
    ReleaseFindings findings;

    ScanGate(String id, AnalysisKind kind) {
        this.id = new GateId(id);
        this.kind = kind;
        this.slug = kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public GateId id() {
        return id;
    }

    @Override
    public GateResult evaluate(GateContext context) {
        List<String> scanners = findings.scannersOf(kind);
        Imports imports = findings.imports(context.release(), scanners);
        if (imports.completed() == 0) {
            return imports.inProgress() > 0 ? GateResult.pending("gate." + slug + ".import-running")
                    : GateResult.blocked("gate." + slug + ".no-report", String.join(", ", scanners));
        }
        Severity threshold = threshold(context);
        ReleaseFindings.Counted open = findings.unresolved(context.release(), threshold, Set.copyOf(scanners),
                ReleaseFindings.Unresolved.BY_SCAN);
        if (!open.isEmpty()) {
            return GateResult.blocked("gate." + slug + ".open-findings", open.totalText(), label(threshold),
                    open.breakdown());
        }
        if (imports.inProgress() > 0) {
            return GateResult.pending("gate." + slug + ".import-running");
        }
        return GateResult.passed();
    }

    /** The {@code threshold} parameter of the definition: the lowest severity that blocks; high when absent. */
    static Severity threshold(GateContext context) {
        return context.parameter(DefaultDefinitions.THRESHOLD).map(value -> Severity.valueOf(value.toUpperCase(Locale.ROOT)))
                .orElse(Severity.HIGH);
    }

    static String label(Severity severity) {
        return severity.name().toLowerCase(Locale.ROOT);
    }
}
