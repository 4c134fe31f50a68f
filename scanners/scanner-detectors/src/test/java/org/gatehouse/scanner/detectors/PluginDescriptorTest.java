package org.gatehouse.scanner.detectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.junit.jupiter.api.Test;

/** The plugin's descriptor: every bug type has Gatehouse's CWE, the SECURITY category and messages in both languages. */
class PluginDescriptorTest {

    @Test
    void everyBugTypeHasItsCweAndEnglishAndChineseMessages() throws Exception {
        Document plugin = read("/findbugs.xml");
        Map<String, String> cwes = new TreeMap<>();
        NodeList patterns = plugin.getElementsByTagName("BugPattern");
        for (int i = 0; i < patterns.getLength(); i++) {
            Element pattern = (Element) patterns.item(i);
            assertEquals("SECURITY", pattern.getAttribute("category"));
            cwes.put(pattern.getAttribute("type"), pattern.getAttribute("cweid"));
        }
        assertEquals(Map.of(RequestSecretDetector.REQUEST_SECRET, "798", RequestSecretDetector.HIDDEN_COMMAND, "912",
                ClassFromRequestDetector.CLASS_FROM_REQUEST, "94"), cwes);
        TreeSet<String> reported = new TreeSet<>();
        NodeList detectors = plugin.getElementsByTagName("Detector");
        for (int i = 0; i < detectors.getLength(); i++) {
            Element detector = (Element) detectors.item(i);
            Class.forName(detector.getAttribute("class"));
            reported.addAll(java.util.List.of(detector.getAttribute("reports").split(",")));
        }
        assertEquals(cwes.keySet(), reported);
        for (String messages : new String[] {"/messages.xml", "/messages_zh.xml"}) {
            Document document = read(messages);
            TreeSet<String> described = new TreeSet<>();
            NodeList bugs = document.getElementsByTagName("BugPattern");
            for (int i = 0; i < bugs.getLength(); i++) {
                Element bug = (Element) bugs.item(i);
                for (String part : new String[] {"ShortDescription", "LongDescription", "Details"}) {
                    assertFalse(bug.getElementsByTagName(part).item(0).getTextContent().isBlank(), messages + " " + part);
                }
                described.add(bug.getAttribute("type"));
            }
            assertEquals(cwes.keySet(), described, messages);
            assertEquals("GHBD", ((Element) document.getElementsByTagName("BugCode").item(0)).getAttribute("abbrev"));
        }
    }

    private static Document read(String resource) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = PluginDescriptorTest.class.getResourceAsStream(resource)) {
            return factory.newDocumentBuilder().parse(in);
        }
    }
}
