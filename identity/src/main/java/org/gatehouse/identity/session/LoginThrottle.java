package org.gatehouse.identity.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Failed logins per source address in a fixed window, in PostgreSQL so that every instance of a
 * cluster counts the same failures.
 */
@ApplicationScoped
public class LoginThrottle {
    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    int failures(String address, OffsetDateTime now, Duration window) {
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery("SELECT failures FROM login_throttle WHERE address = ?1 AND window_start > ?2")
                .setParameter(1, address).setParameter(2, now.minus(window)).getResultList();
        return rows.isEmpty() ? 0 : rows.get(0).intValue();
    }

    /** Counts one failure; a window that has passed starts again. Returns the failures in the window. */
    int recordFailure(String address, OffsetDateTime now, Duration window) {
        return ((Number) em.createNativeQuery("INSERT INTO login_throttle (address, window_start, failures) VALUES (?1, ?2, 1)"
                        + " ON CONFLICT (address) DO UPDATE SET"
                        + " failures = CASE WHEN login_throttle.window_start <= ?3 THEN 1 ELSE login_throttle.failures + 1 END,"
                        + " window_start = CASE WHEN login_throttle.window_start <= ?3 THEN EXCLUDED.window_start"
                        + " ELSE login_throttle.window_start END"
                        + " RETURNING failures")
                .setParameter(1, address).setParameter(2, now).setParameter(3, now.minus(window))
                .getSingleResult()).intValue();
    }
}
