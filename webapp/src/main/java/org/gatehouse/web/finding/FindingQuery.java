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
 * {@code cwe}, {@code q} (text in title, location or rule), {@code slaBreached}, {@code requested}* (a pending
 * request for false-positive or risk-accepted), {@code pending} (true: any pending request — a security reviewer's
 * queue, B.1.3.1-ih; false: none), {@code sort} (severity, due, newest). Parameters marked * repeat or take
 * comma-separated values.
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

    @QueryParam("requested")
    List<String> requested;

    @QueryParam("pending")
    String pending;

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
        Optional<Boolean> breached = bool(slaBreached, "slaBreached");
        Set<FindingState> requestedStates = EnumSet.noneOf(FindingState.class);
        for (String value : values(requested)) {
            FindingState wanted = parse(FindingState.class, value, "requested");
            if (!wanted.isDismissed()) {
                throw new InvalidParameter("requested");
            }
            requestedStates.add(wanted);
        }
        Optional<String> q = Optional.ofNullable(text);
        if (q.isPresent() && q.get().length() > 200) {
            throw new InvalidParameter("q");
        }
        return new FindingFilter(Optional.ofNullable(project).filter(p -> !p.isBlank()), releaseId,
                Set.copyOf(values(scanner)), Set.copyOf(values(tool)), severities, states, cweValue, q, breached,
                requestedStates, bool(pending, "pending"));
    }

    private static Optional<Boolean> bool(String value, String parameter) {
        return Optional.ofNullable(value).filter(s -> !s.isBlank()).map(s -> switch (s) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidParameter(parameter);
        });
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
