package io.gatehouse.auth;

/** The optional body of refresh and logout, for clients that do not use cookies. */
public record RefreshRequest(String refreshToken) {

    @Override
    public String toString() {
        return "RefreshRequest[refreshToken=<redacted>]";
    }
}
