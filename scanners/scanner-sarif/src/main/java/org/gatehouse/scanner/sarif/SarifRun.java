package org.gatehouse.scanner.sarif;

/**
 * One run as far as it has been read. Its tool, {@code originalUriBaseIds}, {@code taxonomies},
 * {@code artifacts} and {@code logicalLocations} may come before or after its results (JSON members
 * come in any order; SpotBugs writes the bases and taxonomies last): each is null until read, and
 * once the whole run has been read, one that never came is known to be absent.
 */
final class SarifRun {
    private SarifTool tool;
    private SarifBases bases;
    private SarifTaxonomies taxonomies;
    private SarifArtifacts artifacts;
    private SarifLogicalLocations logicalLocations;
    private boolean complete;
    /** The index of the first result left for the second pass, -1 when none is. */
    private int firstDeferred = -1;

    void tool(SarifTool tool) {
        this.tool = tool;
    }

    void bases(SarifBases bases) {
        this.bases = bases;
    }

    void taxonomies(SarifTaxonomies taxonomies) {
        this.taxonomies = taxonomies;
    }

    void artifacts(SarifArtifacts artifacts) {
        this.artifacts = artifacts;
    }

    void logicalLocations(SarifLogicalLocations logicalLocations) {
        this.logicalLocations = logicalLocations;
    }

    /** The whole run has been read: what did not come is absent. */
    void complete() {
        complete = true;
    }

    boolean toolKnown() {
        return tool != null || complete;
    }

    boolean basesKnown() {
        return bases != null || complete;
    }

    boolean taxonomiesKnown() {
        return taxonomies != null || complete;
    }

    boolean artifactsKnown() {
        return artifacts != null || complete;
    }

    boolean logicalLocationsKnown() {
        return logicalLocations != null || complete;
    }

    SarifTool tool() {
        return tool == null ? SarifTool.empty() : tool;
    }

    SarifBases bases() {
        return bases == null ? SarifBases.NONE : bases;
    }

    SarifTaxonomies taxonomies() {
        return taxonomies == null ? SarifTaxonomies.NONE : taxonomies;
    }

    SarifArtifacts artifacts() {
        return artifacts == null ? SarifArtifacts.NONE : artifacts;
    }

    SarifLogicalLocations logicalLocations() {
        return logicalLocations == null ? SarifLogicalLocations.NONE : logicalLocations;
    }

    /** Gives the run's artifacts and logical locations back to the log's budget once no result needs them. */
    void release(SarifBudget budget) {
        budget.refund(artifacts().size() + logicalLocations().size(), artifacts().characters() + logicalLocations().characters());
        artifacts = SarifArtifacts.NONE;
        logicalLocations = SarifLogicalLocations.NONE;
    }

    void deferFrom(int index) {
        firstDeferred = index;
    }

    boolean deferred() {
        return firstDeferred >= 0;
    }

    int firstDeferred() {
        return firstDeferred;
    }
}
