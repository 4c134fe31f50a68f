package org.gatehouse.scanner.cyclonedx;

import java.io.InputStream;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import org.gatehouse.scanner.api.ReportParseException;
import org.gatehouse.scanner.api.ReportedComponent;
import org.gatehouse.scanner.api.SecureXml;

/**
 * A CycloneDX XML bill read as a stream through {@link SecureXml} (no DOCTYPE, no entities, bounded
 * depth and text): the root {@code bom} in the namespace {@code http://cyclonedx.org/schema/bom/1.N}
 * (N from 2 to 6) says the version; {@code components} and nested ones are read element by element,
 * everything else (metadata, services, dependencies, vulnerability extensions) is skipped.
 */
final class CycloneDxXml {
    private static final Pattern NAMESPACE = Pattern.compile("http://cyclonedx\\.org/schema/bom/(1\\.[0-9]+)");

    private final SecureXml xml;
    private final Consumer<ReportedComponent> sink;
    private final String specVersion;

    private CycloneDxXml(SecureXml xml, Consumer<ReportedComponent> sink, String specVersion) {
        this.xml = xml;
        this.sink = sink;
        this.specVersion = specVersion;
    }

    static void read(InputStream in, Consumer<ReportedComponent> sink) throws ReportParseException {
        try (SecureXml xml = SecureXml.open(in)) {
            int event = xml.next();
            while (event != XMLStreamConstants.START_ELEMENT) {
                if (event == XMLStreamConstants.END_DOCUMENT) {
                    throw xml.error("not a CycloneDX bill of materials: no root element");
                }
                event = xml.next();
            }
            Matcher namespace = NAMESPACE.matcher(xml.namespaceUri());
            if (!xml.localName().equals("bom") || !namespace.matches()) {
                throw xml.error("not a CycloneDX bill of materials: the root is not a bom of http://cyclonedx.org/schema/bom/1.x");
            }
            if (!CycloneDxPlugin.VERSIONS.contains(namespace.group(1))) {
                throw xml.error("CycloneDX " + namespace.group(1) + " is not read (1.2 to 1.6 are)");
            }
            new CycloneDxXml(xml, sink, namespace.group(1)).bom();
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                    throw xml.error("content after the end of the bill of materials");
                }
            }
        }
    }

    private void bom() throws ReportParseException {
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (xml.localName().equals("components")) {
                    components(0);
                } else {
                    xml.skipElement();
                }
            }
        }
    }

    private void components(int depth) throws ReportParseException {
        if (depth > CycloneDxPlugin.MAX_NESTING) {
            throw xml.error("components nested deeper than " + CycloneDxPlugin.MAX_NESTING);
        }
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (xml.localName().equals("component")) {
                    component(depth);
                } else {
                    xml.skipElement();
                }
            }
        }
    }

    private void component(int depth) throws ReportParseException {
        ComponentDraft draft = new ComponentDraft(depth);
        draft.type = xml.attribute("type").orElse("");
        draft.bomRef = xml.attribute("bom-ref").orElse("");
        ReportParseException nameless = xml.error("a component without a name (CycloneDX requires one)");
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (xml.localName()) {
                case "group" -> draft.group = CycloneDxPlugin.cut(xml.text());
                case "name" -> draft.name = CycloneDxPlugin.cut(xml.text());
                case "version" -> draft.version = CycloneDxPlugin.cut(xml.text());
                case "purl" -> draft.purl = CycloneDxPlugin.cut(xml.text());
                case "hashes" -> hashes(draft);
                case "licenses" -> licences(draft);
                case "components" -> components(depth + 1);
                default -> xml.skipElement();
            }
        }
        if (draft.name.isBlank()) {
            throw nameless;
        }
        sink.accept(draft.finish(specVersion));
    }

    private void hashes(ComponentDraft draft) throws ReportParseException {
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (xml.localName().equals("hash")) {
                    String algorithm = xml.attribute("alg").orElse("");
                    located(() -> draft.hash(algorithm, xml.text()));
                } else {
                    xml.skipElement();
                }
            }
        }
    }

    /** {@code licenses}: {@code license} elements with {@code id} or {@code name}, or an {@code expression}. */
    private void licences(ComponentDraft draft) throws ReportParseException {
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (xml.localName().equals("expression")) {
                String expression = xml.text();
                located(() -> draft.expression(expression));
            } else if (xml.localName().equals("license")) {
                licence(draft);
            } else {
                xml.skipElement();
            }
        }
    }

    private void licence(ComponentDraft draft) throws ReportParseException {
        String id = "";
        String name = "";
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.localName()) {
                    case "id" -> id = xml.text();
                    case "name" -> name = xml.text();
                    default -> xml.skipElement();
                }
            }
        }
        String licenceId = id;
        String licenceName = name;
        located(() -> draft.licence(licenceId, licenceName));
    }

    /** A step of a component draft, whose refusal (a limit) is placed where the reader is. */
    private interface DraftStep {
        void run() throws ReportParseException;
    }

    private void located(DraftStep step) throws ReportParseException {
        try {
            step.run();
        } catch (ReportParseException e) {
            throw e.position().isPresent() ? e : xml.error(e.getMessage());
        }
    }
}
