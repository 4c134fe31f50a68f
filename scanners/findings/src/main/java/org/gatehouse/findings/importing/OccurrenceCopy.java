package org.gatehouse.findings.importing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Consumer;
import org.gatehouse.findings.inventory.ComponentInventory;
import org.gatehouse.scanner.api.Location;
import org.gatehouse.scanner.api.ReportParseException;
import org.gatehouse.scanner.api.ReportSource;
import org.gatehouse.scanner.api.ReportedFinding;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams reported findings into {@code finding_occurrence} with PostgreSQL's {@code COPY} (text
 * format), one row per result, as the plugin hands them over: memory stays flat whatever the
 * report's size.
 */
final class OccurrenceCopy implements Consumer<ReportedFinding> {
    static final String SQL = "COPY finding_occurrence (import_id, ordinal, fingerprint_key, fingerprint, tool, tool_version, rule_id, title,"
            + " severity, cwe, path, start_line, end_line, logical, url, http_method, parameter, description, suppression,"
            + " details)"
            + " FROM STDIN (FORMAT text)";

    private final CopyText copy;
    private final String importId;
    private int ordinal;

    OccurrenceCopy(CopyIn copy, UUID importId) {
        this.copy = new CopyText(copy);
        this.importId = importId.toString();
    }

    @Override
    public void accept(ReportedFinding finding) {
        String fingerprint = stored(finding);
        copy.first(importId).plain(++ordinal).plain(FingerprintKey.of(fingerprint));
        copy.text(fingerprint, CopyText.MAX_SHORT)
                .text(finding.tool(), CopyText.MAX_SHORT)
                .text(finding.toolVersion(), CopyText.MAX_SHORT)
                .text(finding.ruleId(), CopyText.MAX_SHORT)
                .text(finding.title(), CopyText.MAX_SHORT)
                .text(finding.severity().name(), CopyText.MAX_SHORT)
                .number(finding.cwe().map(OptionalInt::of).orElse(OptionalInt.empty()));
        Location location = finding.location();
        if (location instanceof Location.Code code) {
            copy.text(code.path(), CopyText.MAX_SHORT).number(code.startLine()).number(code.endLine())
                    .text(code.logical().orElse(null), CopyText.MAX_SHORT).nulls(3);
        } else if (location instanceof Location.Url url) {
            copy.nulls(4).text(url.url(), CopyText.MAX_SHORT).text(url.method().orElse(null), CopyText.MAX_SHORT)
                    .text(url.parameter().orElse(null), CopyText.MAX_SHORT);
        } else {
            copy.nulls(7);
        }
        copy.text(finding.description(), CopyText.MAX_TEXT).text(suppression(finding), CopyText.MAX_SHORT)
                // bounded by ReportedFinding (16 values of 4,000 characters), and never cut: a cut object is no JSON
                .text(DetailsJson.of(finding.details()), Integer.MAX_VALUE);
        copy.end();
    }

    /** The fingerprint of a reported finding as stored: its scheme and value, cleaned like every short field. */
    static String stored(ReportedFinding finding) {
        return stored(finding.fingerprint().scheme() + ":" + finding.fingerprint().value());
    }

    /** A fingerprint as stored: NUL removed and at most {@value CopyText#MAX_SHORT} characters, like every short field. */
    static String stored(String fingerprint) {
        String clean = fingerprint.indexOf('\0') < 0 ? fingerprint : fingerprint.replace("\0", "");
        return clean.length() > CopyText.MAX_SHORT ? clean.substring(0, CopyText.MAX_SHORT) : clean;
    }

    /** The suppression at the source as stored: its kind and justification, or {@code null}. */
    static String suppression(ReportedFinding finding) {
        return finding.suppression().map(s -> s.kind() + s.justification().map(j -> ": " + j).orElse("")).orElse(null);
    }

    /** Rows written so far. */
    int rows() {
        return copy.rows();
    }

    /** Sends what is buffered and ends the COPY; returns the rows PostgreSQL took. */
    long finish() throws SQLException {
        return copy.finish();
    }

    /** Abandons the COPY (the transaction is rolled back anyway). */
    void cancel() {
        copy.cancel();
    }

    /** The rows copied, or why the report could not be read (the copy then holds nothing). */
    record Parsed(long rows, Optional<ImportPipeline.Failed> failure) {
    }

    /**
     * The plugin's results into {@code finding_occurrence} through {@code COPY}, as they are parsed; each also
     * goes to {@code also} (a first import's findings, on their own connection).
     */
    static Parsed copy(Connection connection, UUID importId, ComponentInventory.FindingReader reader,
            ReportSource source, ImportProgress.Tracker tracker,
            Consumer<ReportedFinding> also) throws SQLException {
        OccurrenceCopy copy = new OccurrenceCopy(
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(OccurrenceCopy.SQL), importId);
        try {
            reader.read(tracker.counting(source), finding -> {
                copy.accept(finding);
                also.accept(finding);
                tracker.result();
            });
            copy.finish();
            return new Parsed(copy.rows(), Optional.empty());
        } catch (ReportParseException e) {
            copy.cancel();
            return new Parsed(0, Optional.of(new ImportPipeline.Failed("report-unreadable", e.getMessage())));
        } catch (CopyText.Failed e) {
            copy.cancel();
            throw e.sqlCause();
        } catch (RuntimeException e) {
            copy.cancel();
            throw e;
        }
    }
}
