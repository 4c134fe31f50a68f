package org.gatehouse.identity.secondfactor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts secrets at rest (AES-256-GCM, random 96-bit nonce per value) under the platform key
 * {@code gatehouse.secrets.key} (base64 of 32 bytes; the launcher generates and keeps one in
 * {@code $GATEHOUSE_HOME/data/secrets.key}). Each value is bound to its purpose and owner as
 * associated data, so a ciphertext copied to another row does not decrypt.
 */
@ApplicationScoped
public class SecretBox {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE = 12;
    private SecretKeySpec key;

    SecretBox() {
    }

    @Inject
    SecretBox(@ConfigProperty(name = "gatehouse.secrets.key") Optional<String> configured) {
        this.key = configured.filter(k -> !k.isBlank()).map(SecretBox::parse).orElse(null);
    }

    static SecretKeySpec parse(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64.strip());
        if (bytes.length != 32) {
            throw new IllegalStateException("gatehouse.secrets.key must be 32 bytes in base64");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    public boolean isConfigured() {
        return key != null;
    }

    public byte[] seal(byte[] plain, String context) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, requireKey(), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(context.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    public byte[] open(byte[] sealed, String context) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, requireKey(), new GCMParameterSpec(128, sealed, 0, NONCE));
            cipher.updateAAD(context.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, NONCE, sealed.length - NONCE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed secret does not open: wrong platform key or altered data", e);
        }
    }

    /**
     * A 32-byte key for {@code purpose} derived from the platform key (HMAC-SHA256 of the purpose under
     * it, with a domain label apart from the sealing): for keyed hashes that must not be computable from
     * the database alone, such as the register of production secrets (C.2, 8.5.2; ADR 0022).
     */
    public byte[] derive(String purpose) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(requireKey().getEncoded(), "HmacSHA256"));
            return mac.doFinal(("gatehouse-derived-key/v1\u0000" + purpose).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    private SecretKeySpec requireKey() {
        if (key == null) {
            throw new IllegalStateException("gatehouse.secrets.key (GATEHOUSE_SECRETS_KEY) is not configured");
        }
        return key;
    }
}
