package org.gatehouse.workflow.release;

import jakarta.enterprise.context.ApplicationScoped;
import org.gatehouse.workflow.api.ProtectionLevel;
import org.gatehouse.workflow.lifecycle.DefaultDefinitions;
import org.gatehouse.workflow.lifecycle.DefinitionCatalog;
import org.gatehouse.workflow.lifecycle.DefinitionRef;
import org.gatehouse.workflow.lifecycle.WorkflowDefinition;

/**
 * The workflow definitions this installation knows (8.1: versioned, one default per protection
 * level). A release started under a version keeps it; a version that is no longer known is a
 * deployment error, reported as such rather than silently replaced.
 */
@ApplicationScoped
public class WorkflowDefinitions {
    private final DefinitionCatalog catalog = DefaultDefinitions.catalog();

    /** The definition a release of that level starts with now. */
    public WorkflowDefinition latestFor(ProtectionLevel level) {
        return catalog.latestFor(level)
                .orElseThrow(() -> new IllegalStateException("no workflow definition for " + level));
    }

    public WorkflowDefinition get(DefinitionRef ref) {
        return catalog.find(ref)
                .orElseThrow(() -> new IllegalStateException("the workflow definition " + ref + " is not deployed"));
    }
}
