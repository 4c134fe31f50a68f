package org.gatehouse.documents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The keys that encrypt confidential and secret documents at rest, uploaded and generated (C.3, 7.8.6-ei; ADR 0024): AES-256-GCM with a
 * random 96-bit nonce per stored version, the version's identity and digest as associated data (a ciphertext copied
 * to another row does not open). The ring comes from {@code gatehouse.documents.keys} ({@code id:base64,id:base64};
 * the first encrypts, all decrypt: rotation is "add a new key first, re-encrypt, drop the old one"). Without it, one
 * key with the id {@code platform} is derived from the platform key {@code gatehouse.secrets.key} (HMAC-SHA256 with a
 * purpose label), so the run command encrypts from the first start without more configuration.
 */
@ApplicationScoped
public class DocumentKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE = 12;
    private final Map<String, SecretKeySpec> ring = new LinkedHashMap<>();

    DocumentKeys() {
    }

    @Inject
    DocumentKeys(@ConfigProperty(name = "gatehouse.documents.keys") Optional<String> configured,
            @ConfigProperty(name = "gatehouse.secrets.key") Optional<String> platform) {
        this(configured.filter(s -> !s.isBlank()), platform.filter(s -> !s.isBlank()), true);
    }

    DocumentKeys(Optional<String> configured, Optional<String> platform, boolean strict) {
        if (configured.isPresent()) {
            for (String entry : configured.get().split(",")) {
                String[] parts = entry.strip().split(":", 2);
                if (parts.length != 2 || !parts[0].matches("[a-z0-9-]{1,32}")) {
                    throw new IllegalStateException("gatehouse.documents.keys: expected id:base64 entries");
                }
                ring.put(parts[0], key(Base64.getDecoder().decode(parts[1].strip()), "gatehouse.documents.keys " + parts[0]));
            }
        } else if (platform.isPresent()) {
            ring.put("platform", derive(Base64.getDecoder().decode(platform.get().strip())));
        }
    }

    /** Whether anything can be encrypted (the run command always sets the platform key). */
    public boolean configured() {
        return !ring.isEmpty();
    }

    /** The id of the key new versions are encrypted with. */
    public String activeId() {
        return ring.keySet().stream().findFirst().orElseThrow(() -> new IllegalStateException(
                "no document key: set gatehouse.documents.keys or gatehouse.secrets.key (GATEHOUSE_SECRETS_KEY)"));
    }

    /** nonce ‖ ciphertext ‖ tag under the active key. */
    public byte[] seal(byte[] plain, String context) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, ring.get(activeId()), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("document encryption failed", e);
        }
    }

    /** The plaintext of {@code sealed} under key {@code keyId}; fails when the key is gone or the data was altered. */
    public byte[] open(String keyId, byte[] sealed, String context) {
        SecretKeySpec key = ring.get(keyId);
        if (key == null) {
            throw new IllegalStateException("the document key " + keyId + " is no longer configured");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, NONCE));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, NONCE, sealed.length - NONCE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored document does not decrypt: wrong key or altered data", e);
        }
    }

    private static SecretKeySpec key(byte[] bytes, String what) {
        if (bytes.length != 32) {
            throw new IllegalStateException(what + " must be 32 bytes in base64");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static SecretKeySpec derive(byte[] platformKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(platformKey, "HmacSHA256"));
            return new SecretKeySpec(mac.doFinal("gatehouse documents at rest v1".getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
