package org.gatehouse.issuetracker.api;

/** A target an adapter cannot address; the message says which part and why (no secrets in it). */
public final class InvalidTarget extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidTarget(String message) {
        super(message);
    }
}
