package org.gatehouse.scanner.api;

import java.util.Optional;

/** A report that cannot be read, with where in it the problem is when that is known. */
public final class ReportParseException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Position position;

    public ReportParseException(String message, Optional<Position> position, Throwable cause) {
        super(message + position.map(p -> " (line " + p.line() + ", column " + p.column() + ")").orElse(""), cause);
        this.position = position.orElse(null);
    }

    /** A problem at a known place in the report. */
    public ReportParseException(String message, Position position) {
        this(message, Optional.of(position), null);
    }

    /** A problem whose place is not known (prefer the other constructors: the contract test asks for a position). */
    public ReportParseException(String message) {
        this(message, Optional.empty(), null);
    }

    public Optional<Position> position() {
        return Optional.ofNullable(position);
    }

    /** A line and column in the report, 1-based. */
    public record Position(long line, long column) {
        /** The start of the report: where an empty report, or one of another format, goes wrong. */
        public static final Position START = new Position(1, 1);
    }
}
