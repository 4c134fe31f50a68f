package org.gatehouse.evidence.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 (JCS) canonical JSON for the subset Gatehouse signs. Objects' members are sorted by the
 * UTF-16 code units of their names, there is no whitespace, strings are escaped as ECMAScript's
 * {@code JSON.stringify} does ({@code \"}, {@code \\}, {@code \b \f \n \r \t}, other controls as
 * lowercase <code>&#92;u00xx</code>, everything else as UTF-8) and integers are plain decimals. Rejected with
 * {@link JsonRejected}: input that is not strict UTF-8 JSON, duplicate member names, any number with
 * a fraction or exponent, integers outside ±(2^53−1), unpaired surrogates, nesting deeper than 64.
 */
public final class CanonicalJson {
    /** The largest integer every JSON reader represents exactly (I-JSON, RFC 7493). */
    public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
    private static final int MAX_DEPTH = 64;
    private static final int MAX_BYTES = 16 * 1024 * 1024;
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH).maxNumberLength(32).maxStringLength(MAX_BYTES).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private CanonicalJson() {
    }

    /** A new, empty object node to build a statement with. */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Parses strict UTF-8 JSON within the subset. */
    public static JsonNode parse(byte[] json) {
        if (json.length > MAX_BYTES) {
            throw new JsonRejected("the JSON is larger than " + MAX_BYTES + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(json)).toString();
        } catch (CharacterCodingException e) {
            throw new JsonRejected("the JSON is not valid UTF-8");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new JsonRejected("malformed JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || node.isMissingNode()) {
            throw new JsonRejected("the JSON is empty");
        }
        write(node, new StringBuilder(), 0);
        return node;
    }

    /** The canonical UTF-8 bytes of a tree. */
    public static byte[] write(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out, 0);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Parses and writes again: the canonical form of any JSON text within the subset. */
    public static byte[] canonicalize(byte[] json) {
        return write(parse(json));
    }

    /** Whether the bytes are already exactly their canonical form. */
    public static boolean isCanonical(byte[] json) {
        try {
            return java.util.Arrays.equals(canonicalize(json), json);
        } catch (JsonRejected e) {
            return false;
        }
    }

    private static void write(JsonNode node, StringBuilder out, int depth) {
        if (depth > MAX_DEPTH) {
            throw new JsonRejected("the JSON is nested deeper than " + MAX_DEPTH);
        }
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, out, depth);
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out, depth + 1);
                }
                out.append(']');
            }
            case STRING -> writeString(node.textValue(), out);
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            case NUMBER -> writeInteger(node, out);
            default -> throw new JsonRejected("a " + node.getNodeType() + " node has no JSON form");
        }
    }

    private static void writeObject(JsonNode node, StringBuilder out, int depth) {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            members.add(it.next());
        }
        members.sort(Map.Entry.comparingByKey());
        out.append('{');
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(members.get(i).getKey(), out);
            out.append(':');
            write(members.get(i).getValue(), out, depth + 1);
        }
        out.append('}');
    }

    private static void writeInteger(JsonNode node, StringBuilder out) {
        if (!node.isIntegralNumber()) {
            throw new JsonRejected("numbers with a fraction or exponent are not allowed: " + node.asText());
        }
        BigInteger value = node.bigIntegerValue();
        if (value.abs().compareTo(BigInteger.valueOf(MAX_SAFE_INTEGER)) > 0) {
            throw new JsonRejected("the integer " + value + " is outside ±(2^53−1)");
        }
        out.append(value);
    }

    static void writeString(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    throw new JsonRejected("a string contains an unpaired surrogate");
                }
                out.append(c).append(text.charAt(++i));
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                throw new JsonRejected("a string contains an unpaired surrogate");
            }
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
