package org.gatehouse.compliance;

import java.util.List;
import java.util.Set;

/**
 * The compliance SPI (issue 9, ADR 0021): a CDI bean ({@code @ApplicationScoped}) in any module that
 * answers some clauses of the catalogue for a project. {@link ComplianceMatrix} finds every bean through
 * {@code Instance<ClauseCheck>}; at start it refuses a check that names an ID not in the catalogue
 * ({@code ClauseCatalog}), and at evaluation an answer for a clause the check did not declare.
 * <ul>
 * <li>{@link #clauses()}: the catalogue IDs exactly as written there ({@code "8.3-em..eo"}, {@code "C.1"}).</li>
 * <li>{@link #evaluate}: at most one answer per declared clause; read only, through the owning modules'
 * boundaries or bounded queries, and cheap: no query per release or per finding (use the
 * {@link ProjectEvidence}'s shared, memoised facts about the latest release).</li>
 * </ul>
 * Several checks may answer one clause (e.g. a gate and a document); the matrix merges them
 * ({@link ClauseRow#merge}). A clause no check answers is MANUAL with the catalogue's text.
 */
public interface ClauseCheck {
    /** The catalogue IDs this check answers. */
    Set<String> clauses();

    /** An answer for (some of) {@link #clauses()}; a clause left out counts as not answered by this check. */
    List<ClauseAnswer> evaluate(ProjectEvidence project);

    /** The check's name in the matrix ("answered by"); the class's simple name. */
    default String name() {
        return getClass().getSimpleName();
    }
}
