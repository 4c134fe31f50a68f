package org.gatehouse.scanner.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One component of a software bill of materials (C.4): what it is (type, group, name, version,
 * package URL, digests), how deep it sits among nested components (0 at the top), and its licences
 * (empty when the bill names none).
 */
public record ReportedComponent(String tool, String toolVersion, int depth, Optional<String> bomRef, String type,
        String group, String name, String version, Optional<String> purl, List<ComponentHash> hashes,
        List<ReportedLicence> licences) {

    public ReportedComponent {
        Objects.requireNonNull(tool, "tool");
        toolVersion = toolVersion == null ? "" : toolVersion;
        type = type == null ? "" : type;
        group = group == null ? "" : group.strip();
        name = name == null ? "" : name.strip();
        version = version == null ? "" : version.strip();
        Objects.requireNonNull(bomRef, "bomRef");
        Objects.requireNonNull(purl, "purl");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a component needs a name");
        }
        hashes = List.copyOf(hashes);
        licences = List.copyOf(licences);
    }

    /**
     * What the component is whatever its version: the package URL without version, qualifiers and
     * subpath ({@code pkg:maven/org.apache.logging.log4j/log4j-core}), else {@code group:name}
     * (or the name alone). A new version of a component keeps its identity, and so its findings.
     */
    public String identity() {
        return purl.map(ReportedComponent::versionless).orElse(group.isEmpty() ? name : group + ":" + name);
    }

    /** The licences to judge: the stated ones, or {@link ReportedLicence#NONE} when there are none. */
    public List<ReportedLicence> licencesOrNone() {
        return licences.isEmpty() ? List.of(ReportedLicence.NONE) : licences;
    }

    /**
     * The finding about one licence of this component, with the given severity and verdict text.
     * Rule id {@code licence:<key>}; identity {@code component-licence:v1} over the component's
     * {@link #identity()} and the licence's key, so a re-import keeps it and a removed component or
     * licence ends it (C.4).
     */
    public ReportedFinding licenceFinding(ReportedLicence licence, Severity severity, String verdict) {
        String label = licence.kind() == ReportedLicence.Kind.NONE ? "no licence" : "licence " + licence.value();
        String title = verdict.isEmpty() ? "Component " + name + ": " + label
                : verdict + ": " + label + " of component " + name;
        String text = "Component " + identity() + (version.isEmpty() ? "" : " version " + version)
                + (type.isEmpty() ? "" : " (" + type + ")") + " is under " + label + "."
                + (verdict.isEmpty() ? "" : " " + verdict + " by the project's licence policy.");
        return new ReportedFinding(tool, toolVersion, "licence:" + licence.key(), title, severity, Optional.empty(),
                new Location.Code(identity(), java.util.OptionalInt.empty(), java.util.OptionalInt.empty(),
                        version.isEmpty() ? Optional.empty() : Optional.of(name + "@" + version)),
                text, Fingerprint.of("component-licence:v1", identity() + "\n" + licence.key()), Optional.empty());
    }

    static String versionless(String purl) {
        String cut = purl;
        int hash = cut.indexOf('#');
        if (hash >= 0) {
            cut = cut.substring(0, hash);
        }
        int query = cut.indexOf('?');
        if (query >= 0) {
            cut = cut.substring(0, query);
        }
        int at = cut.lastIndexOf('@');
        // an @ in the namespace is percent-encoded in a purl, so the last one starts the version
        return at > cut.lastIndexOf('/') ? cut.substring(0, at) : cut;
    }
}
