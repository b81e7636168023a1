package io.gatehouse.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;

/**
 * Finds the access token of a request: the {@code accessToken} cookie first, for browsers, then
 * the {@code Authorization: Bearer} header of RFC 6750 section 2.1, for API clients.
 */
final class AccessTokenResolver {

    static final String COOKIE_NAME = "accessToken";
    private static final String BEARER_SCHEME = "Bearer";

    private AccessTokenResolver() {
    }

    /**
     * Returns the token, or empty when the request carries none. An {@code Authorization} header
     * with another scheme, or {@code Bearer} with nothing after it, carries no bearer token.
     */
    static Optional<String> resolve(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(COOKIE_NAME);
        if (cookie != null && !cookie.getValue().isEmpty()) {
            return Optional.of(cookie.getValue());
        }

        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER_SCHEME, 0, BEARER_SCHEME.length())) {
            return Optional.empty();
        }
        String credentials = authorization.substring(BEARER_SCHEME.length());
        if (!credentials.isEmpty() && credentials.charAt(0) != ' ') {
            return Optional.empty(); // a longer scheme name that merely starts with "Bearer"
        }
        String token = credentials.strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
