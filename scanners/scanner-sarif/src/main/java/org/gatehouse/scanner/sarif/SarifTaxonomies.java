package org.gatehouse.scanner.sarif;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A run's {@code taxonomies} (SARIF §3.14.8, §3.19.3): which of them is the CWE, and its taxa's ids
 * by index. A result's {@code taxa} (§3.27.8) and a rule's relationships (§3.53) link to a taxon
 * through a reporting descriptor reference whose {@code toolComponent} names the taxonomy by name,
 * by index into {@code run.taxonomies} or by guid.
 */
record SarifTaxonomies(List<Taxonomy> taxonomies) {
    /** What is known of a run that has no taxonomies. */
    static final SarifTaxonomies NONE = new SarifTaxonomies(List.of());
    /** The most taxa of one taxonomy kept (the CWE has about a thousand). */
    static final int MAX_TAXA = 10_000;

    /** One taxonomy: its name and guid, and its taxa's ids when it is the CWE. */
    record Taxonomy(String name, String guid, List<String> taxonIds) {
        boolean cwe() {
            return name.equalsIgnoreCase("CWE");
        }
    }

    static SarifTaxonomies of(JsonNode taxonomies) {
        List<Taxonomy> kept = new ArrayList<>();
        for (JsonNode taxonomy : taxonomies) {
            String name = SarifTool.text(taxonomy, "name").orElse("");
            List<String> ids = new ArrayList<>();
            if (name.equalsIgnoreCase("CWE")) {
                for (JsonNode taxon : taxonomy.path("taxa")) {
                    if (ids.size() == MAX_TAXA) {
                        break;
                    }
                    ids.add(SarifTool.text(taxon, "id").orElse(""));
                }
            }
            kept.add(new Taxonomy(name, SarifTool.text(taxonomy, "guid").orElse(""), List.copyOf(ids)));
        }
        return new SarifTaxonomies(List.copyOf(kept));
    }

    Optional<Taxonomy> taxonomy(Link link) {
        if (link.componentIndex() >= 0) {
            return link.componentIndex() < taxonomies.size() ? Optional.of(taxonomies.get(link.componentIndex())) : Optional.empty();
        }
        for (Taxonomy taxonomy : taxonomies) {
            if (!link.componentGuid().isEmpty() ? link.componentGuid().equalsIgnoreCase(taxonomy.guid())
                    : !link.componentName().isEmpty() && link.componentName().equals(taxonomy.name())) {
                return Optional.of(taxonomy);
            }
        }
        return Optional.empty();
    }

    /**
     * A reference to a taxon: its id and index, and the taxonomy's name, index and guid (each
     * empty or -1 when not given).
     */
    record Link(String id, int index, String componentName, int componentIndex, String componentGuid) {

        static Link of(JsonNode reference) {
            JsonNode component = reference.path("toolComponent");
            return new Link(SarifTool.text(reference, "id").orElse(""), reference.path("index").asInt(-1),
                    SarifTool.text(component, "name").orElse(""), component.path("index").asInt(-1),
                    SarifTool.text(component, "guid").orElse(""));
        }

        /** Whether the run's taxonomies are needed to tell the CWE this link names, if any. */
        boolean needsTaxonomies() {
            if (SarifTool.explicitCwe(id).isPresent()) {
                return false; // "CWE-79" says it whatever the taxonomy
            }
            if (!componentName.isEmpty()) {
                return id.isEmpty() && index >= 0 && componentName.equalsIgnoreCase("CWE");
            }
            return componentIndex >= 0 || !componentGuid.isEmpty();
        }

        /**
         * The CWE this link names: an id like "CWE-79" in any taxonomy, or a number ("79") in the
         * taxonomy named "CWE" — by the link's component name, or by the run's taxonomy it points at
         * (its taxon's id by index when the link gives no id).
         */
        Optional<Integer> cwe(SarifTaxonomies taxonomies) {
            Optional<Integer> explicit = SarifTool.explicitCwe(id);
            if (explicit.isPresent()) {
                return explicit;
            }
            Optional<Taxonomy> taxonomy = componentName.isEmpty() || index >= 0 ? taxonomies.taxonomy(this) : Optional.empty();
            boolean cwe = componentName.isEmpty() ? taxonomy.filter(Taxonomy::cwe).isPresent() : componentName.equalsIgnoreCase("CWE");
            if (!cwe) {
                return Optional.empty();
            }
            String taxon = !id.isEmpty() || index < 0 ? id
                    : taxonomy.filter(t -> index < t.taxonIds().size()).map(t -> t.taxonIds().get(index)).orElse("");
            return SarifTool.explicitCwe(taxon).or(() -> SarifTool.number(taxon));
        }
    }
}
