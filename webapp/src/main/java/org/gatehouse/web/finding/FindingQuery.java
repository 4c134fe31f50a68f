package org.gatehouse.web.finding;

import jakarta.ws.rs.QueryParam;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gatehouse.findings.finding.FindingState;
import org.gatehouse.findings.listing.FindingFilter;
import org.gatehouse.findings.listing.FindingSort;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;
import org.gatehouse.scanner.api.Severity;

/**
 * The filters and sort of {@code GET /findings}: {@code project}, {@code release}, {@code scanner}*,
 * {@code tool}*, {@code severity}*, {@code state}* (or {@code open} for new, confirmed and reopened),
 * {@code cwe}, {@code q} (text in title, location or rule), {@code slaBreached}, {@code sort}
 * (severity, due, newest). Parameters marked * repeat or take comma-separated values.
 */
public class FindingQuery {
    @QueryParam("project")
    String project;

    @QueryParam("release")
    String release;

    @QueryParam("scanner")
    List<String> scanner;

    @QueryParam("tool")
    List<String> tool;

    @QueryParam("severity")
    List<String> severity;

    @QueryParam("state")
    List<String> state;

    @QueryParam("cwe")
    String cwe;

    @QueryParam("q")
    String text;

    @QueryParam("slaBreached")
    String slaBreached;

    @QueryParam("sort")
    String sort;

    FindingFilter filter() {
        Optional<UUID> releaseId = Optional.ofNullable(release).filter(r -> !r.isBlank()).map(r -> {
            try {
                return UUID.fromString(r);
            } catch (IllegalArgumentException e) {
                throw new InvalidParameter("release");
            }
        });
        Set<Severity> severities = EnumSet.noneOf(Severity.class);
        for (String value : values(severity)) {
            severities.add(parse(Severity.class, value, "severity"));
        }
        Set<FindingState> states = EnumSet.noneOf(FindingState.class);
        for (String value : values(state)) {
            if (value.equalsIgnoreCase("open")) {
                states.addAll(FindingState.open());
            } else {
                states.add(parse(FindingState.class, value, "state"));
            }
        }
        Optional<Integer> cweValue = Optional.ofNullable(cwe).filter(c -> !c.isBlank()).map(c -> {
            try {
                return Integer.parseInt(c.strip().toUpperCase(Locale.ROOT).replace("CWE-", ""));
            } catch (NumberFormatException e) {
                throw new InvalidParameter("cwe");
            }
        });
        Optional<Boolean> breached = Optional.ofNullable(slaBreached).filter(s -> !s.isBlank()).map(s -> switch (s) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidParameter("slaBreached");
        });
        Optional<String> q = Optional.ofNullable(text);
        if (q.isPresent() && q.get().length() > 200) {
            throw new InvalidParameter("q");
        }
        return new FindingFilter(Optional.ofNullable(project).filter(p -> !p.isBlank()), releaseId,
                Set.copyOf(values(scanner)), Set.copyOf(values(tool)), severities, states, cweValue, q, breached);
    }

    FindingSort sort() {
        return sort == null || sort.isBlank() ? FindingSort.SEVERITY
                : FindingSort.parse(sort).orElseThrow(() -> new InvalidParameter("sort"));
    }

    private static List<String> values(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        List<String> values = raw.stream().flatMap(v -> java.util.Arrays.stream(v.split(","))).map(String::strip)
                .filter(v -> !v.isEmpty()).distinct().toList();
        if (values.size() > 20) {
            throw new InvalidParameter("…");
        }
        return values;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String parameter) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter(parameter);
        }
    }

    /** A filter parameter with a value it cannot have. */
    public static final class InvalidParameter extends DomainException {
        private static final long serialVersionUID = 1L;

        InvalidParameter(String name) {
            super(ProblemType.BAD_REQUEST, "findings.invalid-parameter", name);
        }
    }
}
