package org.gatehouse.issuetracker.api;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The adapters on the class path, by id; an id registered twice is a packaging error. */
public final class TrackerRegistry {
    private final Map<String, IssueTracker> byId;

    private TrackerRegistry(Map<String, IssueTracker> byId) {
        this.byId = Map.copyOf(byId);
    }

    public static TrackerRegistry load(ClassLoader loader) {
        return of(ServiceLoader.load(IssueTracker.class, loader).stream().map(ServiceLoader.Provider::get).toList());
    }

    public static TrackerRegistry of(Collection<IssueTracker> trackers) {
        Map<String, IssueTracker> byId = new TreeMap<>();
        for (IssueTracker tracker : trackers) {
            if (byId.put(tracker.descriptor().id(), tracker) != null) {
                throw new IllegalStateException("two issue trackers registered as " + tracker.descriptor().id());
            }
        }
        return new TrackerRegistry(byId);
    }

    /** The adapter with exactly this id. */
    public Optional<IssueTracker> find(String id) {
        return Optional.ofNullable(id).map(byId::get);
    }

    public Collection<IssueTracker> all() {
        return byId.values();
    }
}
