package org.gatehouse.evidence;

import java.security.Provider;
import java.security.SecureRandom;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one JCA provider this component uses for keys, signatures, certificates and path
 * validation: a BouncyCastle instance passed explicitly, never registered globally (the application
 * server's provider list stays as it is).
 */
public final class CryptoProvider {
    private static final Provider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();

    private CryptoProvider() {
    }

    public static Provider bc() {
        return BC;
    }

    public static SecureRandom random() {
        return RANDOM;
    }
}
