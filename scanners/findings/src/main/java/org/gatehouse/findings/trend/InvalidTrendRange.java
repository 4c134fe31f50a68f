package org.gatehouse.findings.trend;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** A trend asked for outside its bounds: 1 to 366 days, in a time zone the database knows. */
public final class InvalidTrendRange extends DomainException {
    private static final long serialVersionUID = 1L;

    private InvalidTrendRange(String key, Object... arguments) {
        super(ProblemType.VALIDATION_FAILED, key, arguments);
    }

    public static InvalidTrendRange days(int days) {
        return new InvalidTrendRange("trend.days", days, TrendRange.MAX_DAYS);
    }

    public static InvalidTrendRange zone(String zone) {
        return new InvalidTrendRange("trend.zone", zone);
    }
}
