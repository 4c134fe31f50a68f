package org.gatehouse.evidence.certificate;

import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The external TSA roots a verifier trusts for time evidence (TC260 7.4.3), known from elsewhere
 * than the document: the operator's configured TSA trust, or {@code --tsa-sha256} fingerprints.
 * {@link #unpinned()} reports a token under an external root carried in the document as "not
 * independently trusted" (its time is only as good as the platform that sealed the document);
 * {@link #only} refuses it unless its root is one of the pins.
 */
public final class TimeStampPins {
    private static final TimeStampPins UNPINNED = new TimeStampPins(Optional.empty());
    private final Optional<List<TrustPin>> pins;

    private TimeStampPins(Optional<List<TrustPin>> pins) {
        this.pins = pins;
    }

    /** No external TSA root is pinned: tokens under the document's roots pass, marked as not independent. */
    public static TimeStampPins unpinned() {
        return UNPINNED;
    }

    /** Exactly these external TSA roots are trusted (none, when empty); any other external root fails. */
    public static TimeStampPins only(Collection<TrustPin> roots) {
        return new TimeStampPins(Optional.of(List.copyOf(roots)));
    }

    /** Pins of the given root certificates. */
    public static TimeStampPins ofRoots(Collection<X509Certificate> roots) {
        return only(roots.stream().map(TrustPin::of).toList());
    }

    /** Whether the verifier said which external roots it trusts. */
    public boolean given() {
        return pins.isPresent();
    }

    public boolean pins(X509Certificate root) {
        return pins.map(list -> list.stream().anyMatch(pin -> pin.matches(root))).orElse(false);
    }
}
