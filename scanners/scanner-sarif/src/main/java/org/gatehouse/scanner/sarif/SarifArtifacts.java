package org.gatehouse.scanner.sarif;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.gatehouse.scanner.api.ReportParseException;

/**
 * A run's {@code artifacts} (SARIF 2.1.0 §3.14.15, §3.24) as far as its results need them: the
 * {@code uri} and {@code uriBaseId} of each artifact's {@code location}, by index. A result's
 * artifact location may give only an {@code index} into this list instead of a uri (§3.4.5); the
 * artifact's location then stands for it. Read as a stream, each artifact's other members (its
 * contents, hashes, …) skipped unread, within the log's {@link SarifBudget}.
 */
final class SarifArtifacts {
    /** What is known of a run that lists no artifacts. */
    static final SarifArtifacts NONE = new SarifArtifacts(List.of(), List.of(), 0);

    /** An artifact location's uri and the base it is relative to. */
    record Location(String uri, Optional<String> uriBaseId) {
    }

    /** Each artifact's uri and uri base id, null where it gives none. */
    private final List<String> uris;
    private final List<String> uriBaseIds;
    private final long characters;

    private SarifArtifacts(List<String> uris, List<String> uriBaseIds, long characters) {
        this.uris = uris;
        this.uriBaseIds = uriBaseIds;
        this.characters = characters;
    }

    /** The artifacts of the array whose start the parser is on, up to its end. */
    static SarifArtifacts read(JsonParser parser, SarifBudget budget) throws IOException, ReportParseException {
        List<String> uris = new ArrayList<>();
        List<String> uriBaseIds = new ArrayList<>();
        Map<String, String> sharedBaseIds = new HashMap<>(); // a handful of names, each held once
        long characters = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            JsonLocation at = parser.currentTokenLocation();
            String[] location = location(parser);
            long length = (location[0] == null ? 0 : location[0].length()) + (location[1] == null ? 0 : location[1].length());
            budget.spend(length, "artifacts", at);
            characters += length;
            uris.add(location[0]);
            uriBaseIds.add(location[1] == null ? null : sharedBaseIds.computeIfAbsent(location[1], name -> name));
        }
        return new SarifArtifacts(uris, uriBaseIds, characters);
    }

    /** The uri and uri base id of the artifact the parser is on (null where absent); the rest skipped. */
    private static String[] location(JsonParser parser) throws IOException {
        String[] found = new String[2];
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return found;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            if (parser.nextToken() != JsonToken.START_OBJECT || !field.equals("location")) {
                parser.skipChildren();
                continue;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String member = parser.currentName();
                boolean text = parser.nextToken() == JsonToken.VALUE_STRING && !parser.getText().isBlank();
                if (text && member.equals("uri")) {
                    found[0] = parser.getText();
                } else if (text && member.equals("uriBaseId")) {
                    found[1] = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
        }
        return found;
    }

    int size() {
        return uris.size();
    }

    long characters() {
        return characters;
    }

    /** Whether an artifact location gives only an index, so that the run's artifacts are needed to tell its uri. */
    static boolean byIndexOnly(JsonNode artifactLocation) {
        return SarifTool.text(artifactLocation, "uri").isEmpty() && SarifTool.index(artifactLocation).isPresent();
    }

    /**
     * A result's artifact location: its own uri and base, else the location of the artifact its
     * index names (with the result's base if the artifact gives none); empty when neither gives a
     * uri. A result with a uri of its own is never looked up, whatever its index.
     *
     * @throws SarifResults.Invalid an index-only location whose index is not one of the run's artifacts
     */
    Optional<Location> resolve(JsonNode artifactLocation) {
        Optional<String> uri = SarifTool.text(artifactLocation, "uri");
        Optional<String> uriBaseId = SarifTool.text(artifactLocation, "uriBaseId");
        if (uri.isPresent()) {
            return Optional.of(new Location(uri.get(), uriBaseId));
        }
        OptionalLong index = SarifTool.index(artifactLocation);
        if (index.isEmpty()) {
            return Optional.empty();
        }
        if (index.getAsLong() < 0 || index.getAsLong() >= uris.size()) {
            throw new SarifResults.Invalid("artifact location index " + index.getAsLong() + " is out of range: the run lists "
                    + uris.size() + " artifacts (SARIF 2.1.0 §3.4.5)");
        }
        int at = (int) index.getAsLong();
        return Optional.ofNullable(uris.get(at))
                .map(own -> new Location(own, Optional.ofNullable(uriBaseIds.get(at)).or(() -> uriBaseId)));
    }
}
