package io.gatehouse.auth;

import io.gatehouse.lockout.DeviceCookies;
import java.time.Duration;

/**
 * Builds the {@code Set-Cookie} headers for the two tokens. Both are HttpOnly, so scripts cannot
 * read them, and SameSite=Strict, so browsers leave them off cross-site requests. The refresh
 * cookie's path is the auth API, so it travels only to refresh and logout.
 *
 * <p>The headers are written by hand because JAX-RS {@code NewCookie} adds the obsolete
 * {@code Version=1} attribute of RFC 2109.
 */
final class TokenCookies {

    static final String ACCESS_COOKIE = "accessToken";
    static final String REFRESH_COOKIE = "refreshToken";
    static final String REFRESH_PATH = "/api/auth";

    private final boolean secure;

    TokenCookies(boolean secure) {
        this.secure = secure;
    }

    String access(String token, Duration lifetime, String contextPath) {
        return cookie(ACCESS_COOKIE, token, accessPath(contextPath), lifetime.toSeconds());
    }

    String refresh(String token, Duration lifetime, String contextPath) {
        return cookie(REFRESH_COOKIE, token, contextPath + REFRESH_PATH, lifetime.toSeconds());
    }

    /** The device cookie, sent to the auth API only, where login reads it. */
    String device(String value, Duration lifetime, String contextPath) {
        return cookie(DeviceCookies.COOKIE_NAME, value, contextPath + REFRESH_PATH, lifetime.toSeconds());
    }

    /** Deletes the access cookie: same name, path and attributes, with Max-Age=0. */
    String clearAccess(String contextPath) {
        return cookie(ACCESS_COOKIE, "", accessPath(contextPath), 0);
    }

    String clearRefresh(String contextPath) {
        return cookie(REFRESH_COOKIE, "", contextPath + REFRESH_PATH, 0);
    }

    private static String accessPath(String contextPath) {
        return contextPath.isEmpty() ? "/" : contextPath;
    }

    private String cookie(String name, String value, String path, long maxAgeSeconds) {
        StringBuilder cookie = new StringBuilder(name).append('=').append(value)
                .append("; Path=").append(path)
                .append("; Max-Age=").append(maxAgeSeconds)
                .append("; HttpOnly");
        if (secure) {
            cookie.append("; Secure");
        }
        return cookie.append("; SameSite=Strict").toString();
    }
}
