package org.gatehouse.scanner.sarif;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.gatehouse.scanner.api.ReportParseException;

/**
 * A run's {@code logicalLocations} (SARIF 2.1.0 §3.14.17, §3.33) as far as its results need them:
 * each one's {@code fullyQualifiedName}, else its {@code name}, by index. A result's logical
 * location may give only an {@code index} into this list (§3.33.2); the listed one then stands for
 * it. Read as a stream within the log's {@link SarifBudget}.
 */
final class SarifLogicalLocations {
    /** What is known of a run that lists no logical locations. */
    static final SarifLogicalLocations NONE = new SarifLogicalLocations(List.of(), 0);

    /** Each logical location's name, null where it gives none. */
    private final List<String> names;
    private final long characters;

    private SarifLogicalLocations(List<String> names, long characters) {
        this.names = names;
        this.characters = characters;
    }

    /** The logical locations of the array whose start the parser is on, up to its end. */
    static SarifLogicalLocations read(JsonParser parser, SarifBudget budget) throws IOException, ReportParseException {
        List<String> names = new ArrayList<>();
        long characters = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            JsonLocation at = parser.currentTokenLocation();
            String name = name(parser);
            budget.spend(name == null ? 0 : name.length(), "logical locations", at);
            characters += name == null ? 0 : name.length();
            names.add(name);
        }
        return new SarifLogicalLocations(names, characters);
    }

    /** The fully qualified name, else the name, of the logical location the parser is on; the rest skipped. */
    private static String name(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return null;
        }
        String qualified = null;
        String name = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            boolean text = parser.nextToken() == JsonToken.VALUE_STRING && !parser.getText().isBlank();
            if (text && field.equals("fullyQualifiedName")) {
                qualified = parser.getText();
            } else if (text && field.equals("name")) {
                name = parser.getText();
            } else {
                parser.skipChildren();
            }
        }
        return qualified != null ? qualified : name;
    }

    int size() {
        return names.size();
    }

    long characters() {
        return characters;
    }

    /** Whether a logical location gives only an index, so that the run's list is needed to tell its name. */
    static boolean byIndexOnly(JsonNode logicalLocation) {
        return ownName(logicalLocation).isEmpty() && SarifTool.index(logicalLocation).isPresent();
    }

    /**
     * A result's logical location: its own fully qualified name or name, else that of the logical
     * location its index names; empty when neither gives one.
     *
     * @throws SarifResults.Invalid an index-only logical location whose index is not in the run's list
     */
    Optional<String> resolve(JsonNode logicalLocation) {
        Optional<String> own = ownName(logicalLocation);
        OptionalLong index = SarifTool.index(logicalLocation);
        if (own.isPresent() || index.isEmpty()) {
            return own;
        }
        if (index.getAsLong() < 0 || index.getAsLong() >= names.size()) {
            throw new SarifResults.Invalid("logical location index " + index.getAsLong() + " is out of range: the run lists "
                    + names.size() + " logical locations (SARIF 2.1.0 §3.33.2)");
        }
        return Optional.ofNullable(names.get((int) index.getAsLong()));
    }

    private static Optional<String> ownName(JsonNode logicalLocation) {
        return SarifTool.text(logicalLocation, "fullyQualifiedName").or(() -> SarifTool.text(logicalLocation, "name"));
    }
}
