package org.gatehouse.evidence.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalJsonTest {

    private static String canonical(String json) {
        return new String(CanonicalJson.canonicalize(json.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void escapesStringsAsRfc8785Section3_2_2_2() {
        // RFC 8785 section 3.2.2.2, the string-escaping example
        String input = "\"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\"";
        assertEquals("\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"", canonical(input));
    }

    @Test
    void keepsTheRfc8785SortingExample() {
        // RFC 8785 3.2.3: keys sorted by UTF-16 code units
        String input = """
                {
                  "\\u20ac": "Euro Sign",
                  "\\r": "Carriage Return",
                  "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                  "1": "One",
                  "\\ud83d\\ude00": "Emoji: Grinning Face",
                  "\\u0080": "Control",
                  "\\u00f6": "Latin Small Letter O With Diaeresis"
                }""";
        String expected = "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}";
        assertEquals(expected, canonical(input));
    }

    @Test
    void writesTheOtherLiteralsWithoutWhitespace() {
        assertEquals("{\"a\":[1,-2,true,false,null,\"\"],\"b\":{},\"c\":[]}",
                canonical(" { \"c\" : [ ] , \"b\":{ }, \"a\" : [ 1 , -2 , true , false , null , \"\" ] } "));
        assertEquals("[9007199254740991,-9007199254740991,0]", canonical("[9007199254740991,-9007199254740991,-0]"));
        assertEquals("\"\\b\\f\\t\\u0001\u007f\u2028\"", canonical("\"\\b\\f\\t\\u0001\\u007f\\u2028\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"a\":1,\"a\":2}", "{\"a\":{\"b\":1,\"b\":1}}", "1.0", "[1e2]", "[0.5]", "9007199254740992", "-9007199254740992",
        "123456789012345678901234567890", "\"\\ud800\"", "\"\\udc00x\"", "{\"a\":1} x", "{\"a\":1}{}", "", "  ",
        "{'a':1}", "[1,]", "NaN", "{\"a\":01}", "[\"a\" \"b\"]", "/* c */ 1"
    })
    void refusesJsonOutsideTheSubset(String json) {
        assertThrows(JsonRejected.class, () -> CanonicalJson.canonicalize(json.getBytes(StandardCharsets.UTF_8)), json);
    }

    @Test
    void refusesInvalidUtf8AndOtherEncodings() {
        assertThrows(JsonRejected.class, () -> CanonicalJson.parse(new byte[] {'"', (byte) 0xC3, '"'}));
        assertThrows(JsonRejected.class, () -> CanonicalJson.parse(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}));
        assertThrows(JsonRejected.class, () -> CanonicalJson.parse("[1]".getBytes(StandardCharsets.UTF_16)));
        assertThrows(JsonRejected.class, () -> CanonicalJson.parse(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '1'}));
    }

    @Test
    void refusesDeepNesting() {
        String deep = "[".repeat(200) + "]".repeat(200);
        assertThrows(JsonRejected.class, () -> CanonicalJson.parse(deep.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refusesFloatsInTreesBuiltInCode() {
        var node = CanonicalJson.object().put("ok", 1).put("bad", 1.5);
        assertThrows(JsonRejected.class, () -> CanonicalJson.write(node));
        assertThrows(JsonRejected.class, () -> CanonicalJson.write(CanonicalJson.object().put("big", 1L << 60)));
        assertThrows(JsonRejected.class, () -> CanonicalJson.write(CanonicalJson.object().put("s", "\ud800")));
    }

    @Test
    void knowsItsOwnForm() {
        assertTrue(CanonicalJson.isCanonical("{\"a\":1,\"b\":[true]}".getBytes(StandardCharsets.UTF_8)));
        assertFalse(CanonicalJson.isCanonical("{\"b\":[true],\"a\":1}".getBytes(StandardCharsets.UTF_8)));
        assertFalse(CanonicalJson.isCanonical("{\"a\": 1}".getBytes(StandardCharsets.UTF_8)));
        assertFalse(CanonicalJson.isCanonical("\"\\u0041\"".getBytes(StandardCharsets.UTF_8)));
        assertFalse(CanonicalJson.isCanonical("{\"a\":1.5}".getBytes(StandardCharsets.UTF_8)));
    }
}
