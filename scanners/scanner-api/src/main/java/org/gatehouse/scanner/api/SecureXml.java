package org.gatehouse.scanner.api;

import java.io.InputStream;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The only way plugins read XML: StAX with DTDs and external entities off, a DOCTYPE refused
 * outright (no XXE, no billion laughs), element depth and text size bounded. Wraps the JDK reader
 * so every plugin gets the same rules.
 */
public final class SecureXml implements AutoCloseable {
    public static final int MAX_DEPTH = 64;
    public static final int MAX_TEXT = 10_000_000;
    private static final XMLInputFactory FACTORY = factory();

    private final XMLStreamReader reader;
    private int depth;

    private SecureXml(XMLStreamReader reader) {
        this.reader = reader;
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        try {
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (IllegalArgumentException notSupported) {
            // the JDK's reader supports both; another implementation still has DTDs off
        }
        return factory;
    }

    public static SecureXml open(InputStream in) throws ReportParseException {
        try {
            return new SecureXml(FACTORY.createXMLStreamReader(in));
        } catch (XMLStreamException e) {
            throw error("malformed XML: " + e.getMessage(), e.getLocation(), e);
        }
    }

    /** The next event; refuses a DOCTYPE, entity references, too deep nesting. */
    public int next() throws ReportParseException {
        try {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.DTD -> throw error("a DOCTYPE is not accepted in a report", reader.getLocation(), null);
                case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw error("entity references are not accepted in a report", reader.getLocation(), null);
                case XMLStreamConstants.START_ELEMENT -> {
                    if (++depth > MAX_DEPTH) {
                        throw error("elements nested deeper than " + MAX_DEPTH, reader.getLocation(), null);
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> depth--;
                default -> {
                    // text, comments and the rest pass
                }
            }
            return event;
        } catch (XMLStreamException | java.util.NoSuchElementException e) {
            throw error("malformed XML: " + e.getMessage(), reader.getLocation(), e);
        }
    }

    public boolean hasNext() throws ReportParseException {
        try {
            return reader.hasNext();
        } catch (XMLStreamException e) {
            throw error("malformed XML: " + e.getMessage(), reader.getLocation(), e);
        }
    }

    /** The text content of the current element (which must have no children), bounded. */
    public String text() throws ReportParseException {
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = next();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                text.append(reader.getText());
                if (text.length() > MAX_TEXT) {
                    throw error("a text longer than " + MAX_TEXT + " characters", reader.getLocation(), null);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return text.toString();
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                skipElement();
            }
        }
    }

    /** Skips the current element and everything in it. */
    public void skipElement() throws ReportParseException {
        int level = 1;
        while (level > 0) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                level++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                level--;
            }
        }
    }

    public String localName() {
        return reader.getLocalName();
    }

    /** The namespace URI of the current element, empty when it has none. */
    public String namespaceUri() {
        String uri = reader.getNamespaceURI();
        return uri == null ? "" : uri;
    }

    public Optional<String> attribute(String name) {
        String value = reader.getAttributeValue(null, name);
        return Optional.ofNullable(value).filter(v -> !v.isEmpty());
    }

    public ReportParseException error(String message) {
        return error(message, reader.getLocation(), null);
    }

    private static ReportParseException error(String message, Location location, Throwable cause) {
        Optional<ReportParseException.Position> position = location == null || location.getLineNumber() < 0
                ? Optional.empty() : Optional.of(new ReportParseException.Position(location.getLineNumber(),
                        location.getColumnNumber()));
        return new ReportParseException(message, position, cause);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // nothing held beyond the stream, which the caller closes
        }
    }
}
