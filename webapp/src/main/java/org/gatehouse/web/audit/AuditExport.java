package org.gatehouse.web.audit;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.gatehouse.identity.audit.AuditSearch;

/**
 * Writes audit records as they stream from the database: RFC 4180 CSV (with a UTF-8 byte order
 * mark for spreadsheet programs, and cells that a spreadsheet would run as a formula defused with
 * a leading apostrophe) or a JSON array.
 */
abstract class AuditExport implements AutoCloseable {
    static final String[] COLUMNS = {"seq", "occurredAt", "actor", "actorKind", "address", "type", "target", "description",
        "result", "hash"};

    abstract void write(AuditSearch.Row row);

    @Override
    public abstract void close() throws IOException;

    static AuditExport csv(OutputStream out) {
        return new Csv(out);
    }

    static AuditExport json(OutputStream out) {
        return new JsonArray(out);
    }

    private static String[] cells(AuditSearch.Row row) {
        return new String[] {Long.toString(row.seq()), row.occurredAt().toInstant().toString(), row.actor(), row.actorKind(),
            row.address(), row.type(), row.target(), row.description(), row.result(), HexFormat.of().formatHex(row.hash())};
    }

    static final class Csv extends AuditExport {
        private final BufferedWriter writer;

        Csv(OutputStream out) {
            writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            line(COLUMNS);
        }

        @Override
        void write(AuditSearch.Row row) {
            line(cells(row));
        }

        private void line(String[] cells) {
            try {
                if (cells == COLUMNS) {
                    writer.write('\uFEFF');
                }
                for (int i = 0; i < cells.length; i++) {
                    if (i > 0) {
                        writer.write(',');
                    }
                    writer.write(escape(cells[i]));
                }
                writer.write("\r\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        // package-private for AuditExportTest
        static String escape(String value) {
            String cell = value == null ? "" : value;
            if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
                cell = "'" + cell;
            }
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r") || cell.startsWith("'")) {
                return "\"" + cell.replace("\"", "\"\"") + "\"";
            }
            return cell;
        }

        @Override
        public void close() throws IOException {
            writer.flush();
        }
    }

    private static final class JsonArray extends AuditExport {
        private final JsonGenerator generator;

        JsonArray(OutputStream out) {
            generator = Json.createGenerator(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            generator.writeStartArray();
        }

        @Override
        void write(AuditSearch.Row row) {
            String[] cells = cells(row);
            generator.writeStartObject();
            generator.write(COLUMNS[0], row.seq());
            for (int i = 1; i < COLUMNS.length; i++) {
                generator.write(COLUMNS[i], cells[i]);
            }
            generator.writeEnd();
        }

        @Override
        public void close() {
            generator.writeEnd();
            generator.close();
        }
    }
}
