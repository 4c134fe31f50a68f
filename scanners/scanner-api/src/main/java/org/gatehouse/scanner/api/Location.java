package org.gatehouse.scanner.api;

import java.util.Optional;
import java.util.OptionalInt;

/** Where a finding is: in code (white-box), at a URL (black-box), or nowhere in particular. */
public sealed interface Location permits Location.Code, Location.Url, Location.None {

    /** A place in source or bytecode; {@code path} is repository-relative when the report allows. */
    record Code(String path, OptionalInt startLine, OptionalInt endLine, Optional<String> logical) implements Location {
    }

    /** A place in a running application. */
    record Url(String url, Optional<String> method, Optional<String> parameter) implements Location {
    }

    /** The report names no location. */
    record None() implements Location {
    }
}
