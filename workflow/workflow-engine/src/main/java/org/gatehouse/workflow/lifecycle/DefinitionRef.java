package org.gatehouse.workflow.lifecycle;

/** Which workflow definition, in which version (8.1: definitions are versioned; a release keeps its version). */
public record DefinitionRef(String id, int version) {
    public DefinitionRef {
        Identifiers.requireKebab(id, "a definition id");
        if (version < 1) {
            throw new IllegalArgumentException("a definition version starts at 1: " + version);
        }
    }

    @Override
    public String toString() {
        return id + "@" + version;
    }
}
