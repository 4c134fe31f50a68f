package org.gatehouse.scanner.cyclonedx;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gatehouse.scanner.api.ComponentHash;
import org.gatehouse.scanner.api.ReportParseException;
import org.gatehouse.scanner.api.ReportedComponent;
import org.gatehouse.scanner.api.ReportedLicence;

/** A component being read (either format), turned into a {@link ReportedComponent} at its end. */
final class ComponentDraft {
    private final int depth;
    String bomRef = "";
    String type = "";
    String group = "";
    String name = "";
    String version = "";
    String purl = "";
    private final List<ComponentHash> hashes = new ArrayList<>();
    private final Set<ReportedLicence> licences = new LinkedHashSet<>();

    ComponentDraft(int depth) {
        this.depth = depth;
    }

    void hash(String algorithm, String value) throws ReportParseException {
        if (!algorithm.isBlank() && !value.isBlank()) {
            if (hashes.size() >= CycloneDxPlugin.MAX_LIST) {
                throw new ReportParseException("a component with more than " + CycloneDxPlugin.MAX_LIST + " hashes");
            }
            hashes.add(new ComponentHash(CycloneDxPlugin.cut(algorithm), CycloneDxPlugin.cut(value)));
        }
    }

    /** A licence by SPDX id, else by name; neither: nothing. */
    void licence(String id, String name) throws ReportParseException {
        if (!id.isBlank()) {
            add(new ReportedLicence(ReportedLicence.Kind.ID, CycloneDxPlugin.cut(id)));
        } else if (!name.isBlank()) {
            add(new ReportedLicence(ReportedLicence.Kind.NAME, CycloneDxPlugin.cut(name)));
        }
    }

    void expression(String expression) throws ReportParseException {
        if (!expression.isBlank()) {
            add(new ReportedLicence(ReportedLicence.Kind.EXPRESSION, CycloneDxPlugin.cut(expression)));
        }
    }

    private void add(ReportedLicence licence) throws ReportParseException {
        if (licences.size() >= CycloneDxPlugin.MAX_LIST) {
            throw new ReportParseException("a component with more than " + CycloneDxPlugin.MAX_LIST + " licences");
        }
        licences.add(licence);
    }

    ReportedComponent finish(String specVersion) throws ReportParseException {
        if (name.isBlank()) {
            throw new ReportParseException("a component without a name (CycloneDX requires one)");
        }
        return new ReportedComponent("CycloneDX", specVersion, depth, optional(bomRef), CycloneDxPlugin.cut(type),
                CycloneDxPlugin.cut(group), CycloneDxPlugin.cut(name), CycloneDxPlugin.cut(version), optional(purl),
                hashes, List.copyOf(licences));
    }

    private static Optional<String> optional(String text) {
        String cut = CycloneDxPlugin.cut(text);
        return cut.isEmpty() ? Optional.empty() : Optional.of(cut);
    }
}
