package shop;

import java.util.Random;

/** A predictable session token. */
public class Tokens {
    public String newToken() {
        return Long.toHexString(new Random().nextLong());
    }
}
