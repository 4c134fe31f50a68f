package org.gatehouse.workflow.support;

import java.sql.SQLException;

/** Helpers for reading what PostgreSQL said through the layers of JPA exceptions. */
public final class Persistence {
    private static final String UNIQUE_VIOLATION = "23505";

    private Persistence() {
    }

    public static boolean isUniqueViolation(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
