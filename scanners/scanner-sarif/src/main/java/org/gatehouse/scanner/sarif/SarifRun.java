package org.gatehouse.scanner.sarif;

/**
 * One run as far as it has been read. Its tool, {@code originalUriBaseIds} and {@code taxonomies}
 * may come before or after its results (JSON members come in any order; SpotBugs writes the bases
 * and taxonomies last): each is null until read, and once the whole run has been read, one that
 * never came is known to be absent.
 */
final class SarifRun {
    private SarifTool tool;
    private SarifBases bases;
    private SarifTaxonomies taxonomies;
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

    SarifTool tool() {
        return tool == null ? SarifTool.empty() : tool;
    }

    SarifBases bases() {
        return bases == null ? SarifBases.NONE : bases;
    }

    SarifTaxonomies taxonomies() {
        return taxonomies == null ? SarifTaxonomies.NONE : taxonomies;
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
