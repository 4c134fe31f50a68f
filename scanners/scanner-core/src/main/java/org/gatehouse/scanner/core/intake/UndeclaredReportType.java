package org.gatehouse.scanner.core.intake;

import java.util.Set;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/**
 * An upload whose name is not a type the scanner declares, or whose content contradicts its name
 * (7.8.3-dr: declared file types); a 415 unsupported-media-type.
 */
public final class UndeclaredReportType extends DomainException {
    private static final long serialVersionUID = 1L;

    private UndeclaredReportType(String key, Object... arguments) {
        super(ProblemType.UNSUPPORTED_MEDIA_TYPE, key, arguments);
    }

    static UndeclaredReportType noName(Set<String> allowed) {
        return new UndeclaredReportType("type.no-name", Sizes.extensions(allowed));
    }

    static UndeclaredReportType undeclared(String fileName, Set<String> allowed) {
        return new UndeclaredReportType("type.undeclared", fileName, Sizes.extensions(allowed));
    }

    static UndeclaredReportType notGzip(String fileName) {
        return new UndeclaredReportType("type.not-gzip", fileName);
    }

    static UndeclaredReportType notZip(String fileName) {
        return new UndeclaredReportType("type.not-zip", fileName);
    }

    static UndeclaredReportType zipMisnamed(String fileName) {
        return new UndeclaredReportType("type.zip-misnamed", fileName);
    }
}
