package org.gatehouse.evidence.keys;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sealing keys in force: the newest seals, every one may unseal the envelopes named after it.
 * Rotation: configure the new key as newest and keep the old one until every envelope has been
 * {@link #reseal resealed}; {@link #isCurrent} tells which still need it.
 */
public final class SealingKeyRing {
    private final SealingKey newest;
    private final Map<KeyId, SealingKey> byId;

    private SealingKeyRing(SealingKey newest, List<SealingKey> all) {
        this.newest = newest;
        Map<KeyId, SealingKey> map = new LinkedHashMap<>();
        for (SealingKey key : all) {
            if (map.putIfAbsent(key.id(), key) != null) {
                throw new IllegalArgumentException("two sealing keys share the id " + key.id());
            }
        }
        this.byId = Map.copyOf(map);
    }

    /** The newest key first, then the older keys still accepted for unsealing. */
    public static SealingKeyRing of(SealingKey newest, SealingKey... older) {
        List<SealingKey> all = new ArrayList<>();
        all.add(newest);
        all.addAll(List.of(older));
        return new SealingKeyRing(newest, all);
    }

    public SealingKey newest() {
        return newest;
    }

    public Optional<SealingKey> find(KeyId id) {
        return Optional.ofNullable(byId.get(id));
    }

    public byte[] seal(byte[] plain, String context) {
        return newest.seal(plain, context);
    }

    public byte[] unseal(byte[] envelope, String context) {
        KeyId id = keyIdOf(envelope);
        return find(id).orElseThrow(() -> new UnsealFailed(UnsealFailed.Reason.UNKNOWN_KEY,
                "no sealing key " + id + " is configured")).unseal(envelope, context);
    }

    /** Opens with whichever key sealed it and seals again under the newest key. */
    public byte[] reseal(byte[] envelope, String context) {
        return seal(unseal(envelope, context), context);
    }

    /** Whether the envelope is sealed under the newest key (does not authenticate it). */
    public boolean isCurrent(byte[] envelope) {
        return keyIdOf(envelope).equals(newest.id());
    }

    /** The key id named in an envelope's header (not authenticated until it is unsealed). */
    public static KeyId keyIdOf(byte[] envelope) {
        if (envelope == null || envelope.length < 2) {
            throw new UnsealFailed(UnsealFailed.Reason.MALFORMED, "the envelope is too short");
        }
        if (envelope[0] != SealingKey.VERSION) {
            throw new UnsealFailed(UnsealFailed.Reason.UNSUPPORTED_VERSION, "unknown envelope version " + envelope[0]);
        }
        int length = envelope[1];
        if (length < 1 || length > 64 || envelope.length < 2 + length) {
            throw new UnsealFailed(UnsealFailed.Reason.MALFORMED, "the envelope's key id is malformed");
        }
        try {
            return new KeyId(new String(envelope, 2, length, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new UnsealFailed(UnsealFailed.Reason.MALFORMED, "the envelope's key id is malformed");
        }
    }

    @Override
    public String toString() {
        return "SealingKeyRing[newest=" + newest.id() + ", keys=" + byId.keySet() + "]";
    }
}
