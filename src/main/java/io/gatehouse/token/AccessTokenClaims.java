package io.gatehouse.token;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** What a verified access token says about its bearer: all that authorization needs. */
public record AccessTokenClaims(
        UUID userId, String email, String role, Set<String> permissions, String jti, Instant expiresAt) {

    public AccessTokenClaims {
        permissions = Set.copyOf(permissions);
    }
}
