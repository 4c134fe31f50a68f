package shop;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A weak hash for passwords. */
public class Passwords {
    public byte[] hash(byte[] password) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("MD5").digest(password);
    }
}
