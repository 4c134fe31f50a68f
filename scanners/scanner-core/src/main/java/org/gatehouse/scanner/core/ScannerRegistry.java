package org.gatehouse.scanner.core;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.gatehouse.scanner.api.ScannerPlugin;

/**
 * The scanner plugins on the class path, by their stable id. Two plugins claiming one id is a
 * packaging error and stops the registry from being built.
 */
public final class ScannerRegistry {
    private final Map<String, ScannerPlugin> plugins;

    private ScannerRegistry(Map<String, ScannerPlugin> plugins) {
        this.plugins = Collections.unmodifiableMap(plugins);
    }

    public static ScannerRegistry load(ClassLoader loader) {
        return of(ServiceLoader.load(ScannerPlugin.class, loader).stream().map(ServiceLoader.Provider::get).toList());
    }

    static ScannerRegistry of(Collection<ScannerPlugin> found) {
        Map<String, ScannerPlugin> byId = new LinkedHashMap<>();
        for (ScannerPlugin plugin : found) {
            ScannerPlugin earlier = byId.putIfAbsent(plugin.descriptor().id(), plugin);
            if (earlier != null) {
                throw new IllegalStateException("two scanner plugins claim the id " + plugin.descriptor().id() + ": "
                        + earlier.getClass().getName() + " and " + plugin.getClass().getName());
            }
        }
        return new ScannerRegistry(byId);
    }

    public Optional<ScannerPlugin> find(String id) {
        return Optional.ofNullable(plugins.get(id));
    }

    public Collection<ScannerPlugin> all() {
        return plugins.values();
    }
}
