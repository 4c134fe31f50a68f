package org.gatehouse.compliance.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The clause catalogue as data ({@code clauses.tsv} beside this class: ID, section, titles and what the
 * platform must, in English and Chinese), loaded once. ClauseCatalogTest compares its IDs with a copy of
 * REQUIREMENTS.md, so a clause cannot be forgotten silently (issue 9, ADR 0021).
 */
public final class ClauseCatalog {
    private static final ClauseCatalog STANDARD = load("clauses.tsv");

    private final Map<String, Clause> clauses;

    private ClauseCatalog(List<Clause> clauses) {
        Map<String, Clause> byId = new LinkedHashMap<>();
        for (Clause clause : clauses) {
            if (byId.putIfAbsent(clause.id(), clause) != null) {
                throw new IllegalStateException("clause listed twice: " + clause.id());
            }
        }
        this.clauses = Map.copyOf(byId);
        this.ordered = List.copyOf(byId.values());
    }

    private final List<Clause> ordered;

    /** The catalogue of REQUIREMENTS.md §1–§4. */
    public static ClauseCatalog standard() {
        return STANDARD;
    }

    /** Every clause in the catalogue's order. */
    public List<Clause> all() {
        return ordered;
    }

    public Optional<Clause> find(String id) {
        return Optional.ofNullable(clauses.get(id));
    }

    public boolean contains(String id) {
        return clauses.containsKey(id);
    }

    static ClauseCatalog load(String resource) {
        try (InputStream in = ClauseCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the clause catalogue " + resource + " is missing");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ClauseCatalog parse(BufferedReader reader) throws IOException {
        List<Clause> clauses = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != 6 || java.util.Arrays.stream(cells).anyMatch(String::isBlank)) {
                throw new IllegalStateException("clause catalogue line " + number + ": six non-empty cells expected");
            }
            clauses.add(new Clause(cells[0].strip(), Integer.parseInt(cells[1].strip()), cells[2].strip(),
                    cells[3].strip(), cells[4].strip(), cells[5].strip()));
        }
        return new ClauseCatalog(clauses);
    }
}
