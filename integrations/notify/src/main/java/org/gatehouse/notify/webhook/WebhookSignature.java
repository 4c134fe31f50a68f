package org.gatehouse.notify.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Gatehouse-Signature} header of a webhook delivery: {@code t=<epoch seconds>,v1=<hex>}
 * where {@code v1} is HMAC-SHA256 with the webhook's secret over {@code <t>.<body bytes>}. The
 * receiver recomputes it over the raw body, compares in constant time, and refuses a {@code t} too
 * far from its clock (replay).
 */
public final class WebhookSignature {
    public static final String HEADER = "Gatehouse-Signature";

    private WebhookSignature() {
    }

    public static String header(byte[] secret, long epochSeconds, byte[] body) {
        return "t=" + epochSeconds + ",v1=" + hex(mac(secret, epochSeconds, body));
    }

    /** The receiver's side: whether {@code header} signs {@code body} with {@code secret}. */
    public static boolean verify(byte[] secret, String header, byte[] body) {
        long t = -1;
        String v1 = null;
        for (String part : String.valueOf(header).split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t") && kv[1].matches("[0-9]{1,12}")) {
                t = Long.parseLong(kv[1]);
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        if (t < 0 || v1 == null) {
            return false;
        }
        return MessageDigest.isEqual(hex(mac(secret, t, body)).getBytes(StandardCharsets.US_ASCII),
                v1.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] mac(byte[] secret, long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            out.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return out.toString();
    }
}
