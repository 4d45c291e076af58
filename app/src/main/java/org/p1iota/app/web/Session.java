package org.p1iota.app.web;

import java.time.Instant;

/**
 * One logged-in browser. The id travels only in the HttpOnly cookie; the CSRF token is handed to the
 * page's script, which echoes it in {@code X-CSRF-Token} on every state change.
 *
 * @param id        at least 128 random bits, unpadded base64url
 * @param csrfToken per-session random token
 * @param expiresAt after this instant the session is gone
 */
public record Session(String id, String csrfToken, Instant expiresAt) {

    @Override
    public String toString() {
        return "Session[expiresAt=" + expiresAt + "]";
    }
}
