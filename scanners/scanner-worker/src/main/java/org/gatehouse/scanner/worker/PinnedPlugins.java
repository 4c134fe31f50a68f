package org.gatehouse.scanner.worker;

import java.util.Map;

/**
 * The only SpotBugs plugins a white-box scan runs with besides SpotBugs' core: Find Security Bugs and Gatehouse's
 * detectors (B.1.4.7), by plugin id and jar name prefix. Free of SpotBugs types: the server reads it too.
 */
final class PinnedPlugins {
    static final String FSB_ID = "com.h3xstream.findsecbugs";
    static final String FSB_JAR = "findsecbugs-plugin";
    static final String DETECTORS_ID = "org.gatehouse.detectors";
    static final String DETECTORS_JAR = "scanner-detectors";
    /** plugin id → jar name prefix */
    static final Map<String, String> ALL = Map.of(FSB_ID, FSB_JAR, DETECTORS_ID, DETECTORS_JAR);

    private PinnedPlugins() {
    }
}
