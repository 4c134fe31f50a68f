package org.gatehouse.compliance.check;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.gatehouse.platform.sql.Jdbc;

/** One bound, read-only query on the transaction's connection: a row of longs (counts, flags as 0/1). */
final class Sql {
    private Sql() {
    }

    /** The first row's columns as longs (NULL as 0); parameters are bound, never concatenated. */
    static long[] longs(EntityManager em, String sql, Object... parameters) {
        try {
            Connection c = Jdbc.enlisted(em.unwrap(Connection.class));
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    s.setObject(i + 1, parameters[i]);
                }
                try (ResultSet r = s.executeQuery()) {
                    int columns = r.getMetaData().getColumnCount();
                    long[] values = new long[columns];
                    if (r.next()) {
                        for (int i = 0; i < columns; i++) {
                            values[i] = r.getLong(i + 1);
                        }
                    }
                    return values;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read compliance evidence", e);
        }
    }
}
