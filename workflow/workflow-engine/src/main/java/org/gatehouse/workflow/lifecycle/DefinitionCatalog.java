package org.gatehouse.workflow.lifecycle;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gatehouse.workflow.api.ProtectionLevel;

/** Workflow definitions by id and version: a release looks up the version it started with, new ones the latest. */
public final class DefinitionCatalog {
    private final Map<DefinitionRef, WorkflowDefinition> byRef;

    private DefinitionCatalog(Map<DefinitionRef, WorkflowDefinition> byRef) {
        this.byRef = byRef;
    }

    /** A catalog of the given definitions; two with the same id and version are an error. */
    public static DefinitionCatalog of(List<WorkflowDefinition> definitions) {
        Map<DefinitionRef, WorkflowDefinition> byRef = new LinkedHashMap<>();
        for (WorkflowDefinition definition : definitions) {
            if (byRef.putIfAbsent(definition.ref(), definition) != null) {
                throw new IllegalArgumentException("two definitions " + definition.ref());
            }
        }
        return new DefinitionCatalog(Map.copyOf(byRef));
    }

    public Optional<WorkflowDefinition> find(DefinitionRef ref) {
        return Optional.ofNullable(byRef.get(ref));
    }

    /** The newest definition that is the default for a protection level, for releases that start now. */
    public Optional<WorkflowDefinition> latestFor(ProtectionLevel level) {
        return byRef.values().stream().filter(definition -> definition.defaultFor() == level)
                .max(Comparator.comparingInt(definition -> definition.ref().version()));
    }
}
