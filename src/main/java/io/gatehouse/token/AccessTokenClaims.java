package io.gatehouse.token;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The claims of a verified access token, which are all that authorization needs.
 *
 * @param sessionId the {@code sid} claim, the refresh-token family the token was issued for, or
 *     null for a token that names no session
 */
public record AccessTokenClaims(
        UUID userId, String email, String role, Set<String> permissions, String jti, Instant expiresAt, UUID sessionId) {

    public AccessTokenClaims {
        permissions = Set.copyOf(permissions);
    }
}
