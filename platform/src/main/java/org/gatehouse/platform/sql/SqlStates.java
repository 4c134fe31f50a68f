package org.gatehouse.platform.sql;

import java.sql.SQLException;

/** Reads what PostgreSQL said through the layers of JPA exceptions (SQLSTATE classes 23xxx). */
public final class SqlStates {
    public static final String UNIQUE_VIOLATION = "23505";
    public static final String FOREIGN_KEY_VIOLATION = "23503";

    private SqlStates() {
    }

    public static boolean isUniqueViolation(Throwable error) {
        return has(error, UNIQUE_VIOLATION);
    }

    public static boolean isForeignKeyViolation(Throwable error) {
        return has(error, FOREIGN_KEY_VIOLATION);
    }

    private static boolean has(Throwable error, String state) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
