package org.gatehouse.workflow.lifecycle;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.gatehouse.workflow.api.ProtectionLevel;
import org.gatehouse.workflow.api.ReleaseId;

/** What a gate is asked about: the release, the move it guards, its parameters from the definition, the time. */
public record GateContext(ReleaseId release, DefinitionRef definition, ProtectionLevel protectionLevel, Route route,
        Map<String, String> parameters, Instant now) {

    public GateContext {
        parameters = Map.copyOf(parameters);
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }
}
