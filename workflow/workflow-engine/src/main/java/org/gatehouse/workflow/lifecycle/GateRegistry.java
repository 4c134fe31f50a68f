package org.gatehouse.workflow.lifecycle;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The gates the engine may evaluate, by id (e.g. built from CDI beans or a {@code ServiceLoader}). */
@FunctionalInterface
public interface GateRegistry {

    Optional<Gate> find(GateId id);

    /** A registry of the given gates; two gates with the same id are a wiring error. */
    static GateRegistry of(Iterable<? extends Gate> gates) {
        Map<GateId, Gate> byId = new LinkedHashMap<>();
        for (Gate gate : gates) {
            if (byId.putIfAbsent(gate.id(), gate) != null) {
                throw new IllegalArgumentException("two gates with the id " + gate.id());
            }
        }
        Map<GateId, Gate> frozen = Collections.unmodifiableMap(byId);
        return id -> Optional.ofNullable(frozen.get(id));
    }

    static GateRegistry empty() {
        return id -> Optional.empty();
    }
}
