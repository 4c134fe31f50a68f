package org.gatehouse.findings.trend;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.gatehouse.identity.access.AccessDenied;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.scanner.api.Severity;
import org.gatehouse.workflow.project.Projects;
import org.gatehouse.workflow.release.Release;
import org.gatehouse.workflow.release.Releases;

/**
 * Findings over time, each in one SQL statement over a bounded range of days (at most {@value TrendRange#MAX_DAYS}),
 * bucketed by day in the caller's zone: open findings and first fixes from the counts the database keeps as findings
 * change (V27), a release's burn-down from its findings' state changes (finding_event).
 * Open means new, confirmed or reopened (B.1.3.1-ih: tracked until fixed and re-tested).
 */
@ApplicationScoped
public class FindingTrends {
    private static final String OPEN = "('NEW', 'CONFIRMED', 'REOPENED')";

    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    @Inject
    Projects projects;

    @Inject
    Releases releases;

    @Inject
    Clock clock;

    /** Open findings at the end of each day, per severity. */
    public record OpenSeries(TrendRange range, List<LocalDate> days, Map<Severity, List<Long>> open) {
    }

    /** The findings first fixed in one week (Monday first) of one severity and their mean days from creation. */
    public record WeeklyFixes(LocalDate week, Severity severity, long fixed, double meanDays) {
    }

    /** The weeks of a range with first fixes. */
    public record TimeToFix(TrendRange range, List<WeeklyFixes> weeks) {
    }

    /** A release's open findings at the end of each day and how many of them were past their SLA due date. */
    public record BurnDown(String release, TrendRange range, List<LocalDate> days, List<Long> open, List<Long> breached) {
    }

    /**
     * Open findings at the end of each day: the changes kept per quarter hour (finding_open_change, V27) before the
     * range, plus those of each day up to its end. The cost is the project's buckets, not its findings.
     */
    public OpenSeries openFindings(Actor actor, String projectKey, int days, String zone) {
        String project = readable(actor, projectKey);
        TrendRange range = TrendRange.endingToday(days, zone, clock.instant());
        String sql = "WITH per_day AS (SELECT (bucket AT TIME ZONE ?)::date AS day, severity_rank AS rank, sum(delta) AS delta"
                + "   FROM finding_open_change WHERE project_key = ? AND bucket >= ? GROUP BY 1, 2),"
                + " base AS (SELECT severity_rank AS rank, sum(delta) AS n FROM finding_open_change"
                + "   WHERE project_key = ? AND bucket < ? GROUP BY 1),"
                + " grid AS (SELECT d::date AS day, r AS rank FROM generate_series(?::date, ?::date, interval '1 day') d"
                + "  CROSS JOIN generate_series(0, 4) r)"
                + " SELECT g.day, g.rank, COALESCE(b.n, 0) + COALESCE(sum(p.delta) OVER (PARTITION BY g.rank ORDER BY g.day"
                + "   ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW), 0)"
                + " FROM grid g LEFT JOIN per_day p ON p.rank = g.rank AND p.day = g.day LEFT JOIN base b ON b.rank = g.rank"
                + " ORDER BY g.day, g.rank";
        Map<Severity, List<Long>> open = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            open.put(s, new ArrayList<>());
        }
        List<LocalDate> dayList = new ArrayList<>();
        query(range, sql, r -> {
            LocalDate day = r.getObject(1, LocalDate.class);
            if (dayList.isEmpty() || !dayList.get(dayList.size() - 1).equals(day)) {
                dayList.add(day);
            }
            open.get(Severity.values()[r.getInt(2)]).add(r.getLong(3));
            return null;
        }, range.zoneName(), project, range.start(), project, range.start(), range.first(), range.last());
        return new OpenSeries(range, List.copyOf(dayList), open);
    }

    /**
     * Per week (Monday first) and severity: findings fixed for the first time (open → fixed or verified) and the mean
     * days it took, from finding_first_fix (V27).
     */
    public TimeToFix timeToFix(Actor actor, String projectKey, int days, String zone) {
        String project = readable(actor, projectKey);
        TrendRange range = TrendRange.endingToday(days, zone, clock.instant());
        String sql = "SELECT date_trunc('week', fixed_at AT TIME ZONE ?)::date, severity_rank, count(*), avg(days)"
                + " FROM finding_first_fix WHERE project_key = ? AND fixed_at >= ? GROUP BY 1, 2 ORDER BY 1, 2";
        return new TimeToFix(range, query(range, sql, r -> new WeeklyFixes(r.getObject(1, LocalDate.class), Severity.values()[r.getInt(2)],
                r.getLong(3), Math.round(r.getDouble(4) * 10) / 10.0), range.zoneName(), project, range.start()));
    }

    /**
     * The release's findings (created by it or seen by one of its imports) as intervals between their
     * state changes; each open interval adds one from its start day and one more past its due date.
     * The range runs from the release's opening (at most {@value TrendRange#MAX_DAYS} days back) to its
     * closing or today.
     */
    public BurnDown slaBurnDown(Actor actor, String releaseId, String zone) {
        Release release = releases.get(actor, releaseId);
        if (!actor.may(Permission.FINDING_READ, release.project())) {
            throw new AccessDenied(Permission.FINDING_READ);
        }
        TrendRange today = TrendRange.endingToday(1, zone, clock.instant());
        LocalDate last = release.closedAt().map(c -> LocalDate.ofInstant(c.toInstant(), today.zone()))
                .filter(d -> d.isBefore(today.last())).orElse(today.last());
        LocalDate opened = LocalDate.ofInstant(release.createdAt().toInstant(), today.zone());
        LocalDate first = opened.isBefore(last.minusDays(TrendRange.MAX_DAYS - 1L)) ? last.minusDays(TrendRange.MAX_DAYS - 1L)
                : opened.isAfter(last) ? last : opened;
        TrendRange range = new TrendRange(first, last, today.zone());
        String z = range.zoneName();
        String sql = "WITH rf AS (SELECT f.id, f.created_at, f.due_at, f.state FROM finding f WHERE f.first_release = ?"
                + "  UNION SELECT f.id, f.created_at, f.due_at, f.state FROM finding_release fr JOIN finding f ON f.id = fr.finding_id"
                + "  WHERE fr.release_id = ?),"
                + " ev AS (SELECT e.id, e.finding_id, e.occurred_at, e.from_state FROM finding_event e JOIN rf ON rf.id = e.finding_id),"
                + " iv AS (SELECT COALESCE(lag(ev.occurred_at) OVER (PARTITION BY ev.finding_id ORDER BY ev.id), rf.created_at) AS start,"
                + "   ev.occurred_at AS stop, ev.from_state AS state, rf.due_at FROM ev JOIN rf ON rf.id = ev.finding_id"
                + "  UNION ALL SELECT COALESCE(l.last, rf.created_at), NULL, rf.state, rf.due_at FROM rf"
                + "   LEFT JOIN (SELECT finding_id, max(occurred_at) AS last FROM ev GROUP BY finding_id) l ON l.finding_id = rf.id),"
                + " o AS (SELECT start, stop, due_at FROM iv WHERE state IN " + OPEN + "),"
                + " deltas AS (SELECT (start AT TIME ZONE ?)::date AS day, 1 AS open, 0 AS late FROM o"
                + "  UNION ALL SELECT (stop AT TIME ZONE ?)::date, -1, 0 FROM o WHERE stop IS NOT NULL"
                + "  UNION ALL SELECT (greatest(start, due_at) AT TIME ZONE ?)::date, 0, 1 FROM o WHERE stop IS NULL OR stop > due_at"
                + "  UNION ALL SELECT (stop AT TIME ZONE ?)::date, 0, -1 FROM o WHERE stop > due_at),"
                + " per_day AS (SELECT day, sum(open) AS open, sum(late) AS late FROM deltas GROUP BY day),"
                + " base AS (SELECT COALESCE(sum(open), 0) AS open, COALESCE(sum(late), 0) AS late FROM per_day WHERE day < ?::date),"
                + " grid AS (SELECT d::date AS day FROM generate_series(?::date, ?::date, interval '1 day') d)"
                + " SELECT g.day, b.open + COALESCE(sum(p.open) OVER w, 0), b.late + COALESCE(sum(p.late) OVER w, 0)"
                + " FROM grid g CROSS JOIN base b LEFT JOIN per_day p ON p.day = g.day"
                + " WINDOW w AS (ORDER BY g.day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) ORDER BY g.day";
        List<LocalDate> dayList = new ArrayList<>();
        List<Long> open = new ArrayList<>();
        List<Long> breached = new ArrayList<>();
        query(range, sql, r -> {
            dayList.add(r.getObject(1, LocalDate.class));
            open.add(r.getLong(2));
            breached.add(r.getLong(3));
            return null;
        }, release.id().value(), release.id().value(), z, z, z, z, range.first(), range.first(), range.last());
        return new BurnDown(release.id().toString(), range, List.copyOf(dayList), List.copyOf(open), List.copyOf(breached));
    }

    private String readable(Actor actor, String projectKey) {
        return projects.get(actor, Permission.FINDING_READ, projectKey).key().value();
    }

    private <T> List<T> query(TrendRange range, String sql, Jdbc.Row<T> row, Object... parameters) {
        try (Connection c = dataSource.getConnection()) {
            return Jdbc.list(c, sql, row, parameters);
        } catch (SQLException e) {
            if ("22023".equals(e.getSQLState())) { // invalid_parameter_value: a zone PostgreSQL does not know
                throw InvalidTrendRange.zone(range.zone().getId());
            }
            throw new IllegalStateException("cannot compute the trend", e);
        }
    }
}
