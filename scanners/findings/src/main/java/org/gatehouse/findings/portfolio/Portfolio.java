package org.gatehouse.findings.portfolio;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.gatehouse.identity.access.AccessDenied;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.platform.time.UtcTime;
import org.gatehouse.scanner.api.Severity;
import org.gatehouse.workflow.api.ProjectKey;

/**
 * The start screen's data: the projects whose releases the caller may read (at most
 * {@value #MAX_PROJECTS}), their releases in flight (at most {@value #MAX_RELEASES} in all) and, where
 * the caller may read findings, the open findings by severity and how many are past their SLA due
 * date. Three queries whatever the number of findings: the last one counts from the partial index of
 * open findings (V18), never reading the table's rows.
 */
@ApplicationScoped
public class Portfolio {
    static final int MAX_PROJECTS = 200;
    static final int MAX_RELEASES = 500;

    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    @Inject
    Clock clock;

    /** One project of the portfolio; {@code findings} is empty when the caller may not read them. */
    public record ProjectSummary(String key, String name, int protectionLevel, List<ReleaseInFlight> releases,
            Optional<FindingTally> findings) {
    }

    /** An open release: its version and the phase it is in. */
    public record ReleaseInFlight(UUID id, String version, String phase, OffsetDateTime createdAt) {
    }

    /** Open findings (new, confirmed, reopened) by severity, and those of them past their due date. */
    public record FindingTally(Map<Severity, Long> open, Map<Severity, Long> breached) {
        public long total() {
            return open.values().stream().mapToLong(Long::longValue).sum();
        }

        public long totalBreached() {
            return breached.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The portfolio; {@code truncated} when there were more projects or releases than shown. */
    public record Overview(List<ProjectSummary> projects, boolean truncated, OffsetDateTime at) {
    }

    public Overview of(Actor actor) {
        if (!actor.mayInSomeProject(Permission.RELEASE_READ)) {
            throw new AccessDenied(Permission.RELEASE_READ);
        }
        OffsetDateTime now = UtcTime.now(clock);
        boolean everyProject = actor.may(Permission.RELEASE_READ);
        List<String> readable = actor.projects().stream()
                .filter(p -> ProjectKey.parse(p).map(k -> actor.may(Permission.RELEASE_READ, k)).orElse(false))
                .sorted().toList();
        try (Connection c = dataSource.getConnection()) {
            List<String[]> projects = everyProject
                    ? Jdbc.list(c, "SELECT project_key, name, protection_level FROM project ORDER BY project_key LIMIT ?",
                            Portfolio::project, MAX_PROJECTS + 1)
                    : Jdbc.list(c, "SELECT project_key, name, protection_level FROM project WHERE project_key = ANY (?)"
                            + " ORDER BY project_key LIMIT ?", Portfolio::project, keys(c, readable), MAX_PROJECTS + 1);
            boolean truncated = projects.size() > MAX_PROJECTS;
            projects = projects.subList(0, Math.min(projects.size(), MAX_PROJECTS));
            List<String> shown = projects.stream().map(p -> p[0]).toList();
            Map<String, List<ReleaseInFlight>> releases = releases(c, shown);
            truncated |= releases.values().stream().mapToInt(List::size).sum() > MAX_RELEASES;
            List<String> findingsReadable = shown.stream()
                    .filter(p -> actor.may(Permission.FINDING_READ, ProjectKey.parse(p).orElseThrow())).toList();
            Map<String, FindingTally> tallies = tallies(c, findingsReadable, now);
            List<ProjectSummary> summaries = new ArrayList<>();
            int left = MAX_RELEASES;
            for (String[] p : projects) {
                List<ReleaseInFlight> inFlight = releases.getOrDefault(p[0], List.of());
                inFlight = inFlight.subList(0, Math.min(inFlight.size(), Math.max(left, 0)));
                left -= inFlight.size();
                summaries.add(new ProjectSummary(p[0], p[1], Integer.parseInt(p[2]), inFlight,
                        findingsReadable.contains(p[0]) ? Optional.of(tallies.getOrDefault(p[0], tally(Map.of(), Map.of())))
                                : Optional.empty()));
            }
            return new Overview(List.copyOf(summaries), truncated, now);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the portfolio", e);
        }
    }

    private static String[] project(java.sql.ResultSet r) throws SQLException {
        return new String[] {r.getString(1), r.getString(2), Integer.toString(r.getInt(3))};
    }

    /** Releases in flight (status OPEN) of these projects, newest first per project (index release_phase_idx). */
    private static Map<String, List<ReleaseInFlight>> releases(Connection c, List<String> projects) throws SQLException {
        Map<String, List<ReleaseInFlight>> byProject = new LinkedHashMap<>();
        if (projects.isEmpty()) {
            return byProject;
        }
        Jdbc.list(c, "SELECT project_key, id, version_label, phase, created_at FROM release"
                + " WHERE project_key = ANY (?) AND status = 'OPEN' ORDER BY project_key, id DESC LIMIT ?",
                r -> byProject.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                        .add(new ReleaseInFlight(r.getObject(2, UUID.class), r.getString(3), r.getString(4),
                                r.getObject(5, OffsetDateTime.class))),
                keys(c, projects), MAX_RELEASES + 1);
        return byProject;
    }

    /**
     * Open findings per project and severity, and the breached ones (due before now): an index-only
     * scan of finding_open_due_idx (V18), whose rows are exactly the open findings.
     */
    private static Map<String, FindingTally> tallies(Connection c, List<String> projects, OffsetDateTime now)
            throws SQLException {
        Map<String, Map<Severity, Long>> open = new HashMap<>();
        Map<String, Map<Severity, Long>> breached = new HashMap<>();
        if (projects.isEmpty()) {
            return Map.of();
        }
        Jdbc.list(c, "SELECT project_key, severity_rank, count(*), count(*) FILTER (WHERE due_at < ?) FROM finding"
                + " WHERE project_key = ANY (?) AND state IN ('NEW', 'CONFIRMED', 'REOPENED')"
                + " GROUP BY project_key, severity_rank", r -> {
                    Severity severity = Severity.values()[r.getInt(2)];
                    open.computeIfAbsent(r.getString(1), k -> new EnumMap<>(Severity.class)).put(severity, r.getLong(3));
                    breached.computeIfAbsent(r.getString(1), k -> new EnumMap<>(Severity.class)).put(severity, r.getLong(4));
                    return null;
                }, now, keys(c, projects));
        Map<String, FindingTally> tallies = new HashMap<>();
        open.forEach((project, counts) -> tallies.put(project, tally(counts, breached.get(project))));
        return tallies;
    }

    private static FindingTally tally(Map<Severity, Long> open, Map<Severity, Long> breached) {
        Map<Severity, Long> o = new EnumMap<>(Severity.class);
        Map<Severity, Long> b = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            o.put(s, open.getOrDefault(s, 0L));
            b.put(s, breached.getOrDefault(s, 0L));
        }
        return new FindingTally(o, b);
    }

    private static Array keys(Connection c, List<String> keys) throws SQLException {
        return c.createArrayOf("text", keys.toArray(String[]::new));
    }
}
