package io.gatehouse.token;

import java.time.Instant;

/** A signed token with the facts callers log or return. {@link #toString()} leaves the token out. */
public record IssuedToken(String value, String jti, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedToken[jti=" + jti + ", expiresAt=" + expiresAt + ", value=<redacted>]";
    }
}
