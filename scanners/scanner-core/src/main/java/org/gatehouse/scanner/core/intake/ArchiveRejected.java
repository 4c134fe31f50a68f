package org.gatehouse.scanner.core.intake;

import java.util.Set;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/**
 * A compressed upload refused by the bomb guards or for its shape (7.8.3-ds: process uploads
 * safely); a 422 archive-rejected.
 */
public final class ArchiveRejected extends DomainException {
    private static final long serialVersionUID = 1L;

    private ArchiveRejected(String key, Object... arguments) {
        super(ProblemType.ARCHIVE_REJECTED, key, arguments);
    }

    static ArchiveRejected ratio(int maxRatio) {
        return new ArchiveRejected("archive.ratio", Integer.toString(maxRatio));
    }

    static ArchiveRejected tooLarge(long maxUncompressedBytes) {
        return new ArchiveRejected("archive.too-large", Sizes.human(maxUncompressedBytes));
    }

    static ArchiveRejected tooManyEntries(int entries, int maxEntries) {
        return new ArchiveRejected("archive.entries", Integer.toString(entries), Integer.toString(maxEntries));
    }

    static ArchiveRejected noReport(Set<String> allowed) {
        return new ArchiveRejected("archive.no-report", Sizes.extensions(allowed));
    }

    static ArchiveRejected severalFiles(Set<String> allowed) {
        return new ArchiveRejected("archive.several-files", Sizes.extensions(allowed));
    }

    static ArchiveRejected entryType(String entryName, Set<String> allowed) {
        return new ArchiveRejected("archive.entry-type", entryName, Sizes.extensions(allowed));
    }

    static ArchiveRejected nested(String name) {
        return new ArchiveRejected("archive.nested", name);
    }

    static ArchiveRejected encrypted() {
        return new ArchiveRejected("archive.encrypted");
    }

    static ArchiveRejected corrupt(String format) {
        return new ArchiveRejected("archive.corrupt", format);
    }
}
