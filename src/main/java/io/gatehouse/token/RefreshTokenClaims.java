package io.gatehouse.token;

import java.time.Instant;
import java.util.UUID;

/** The claims of a verified refresh token; {@code jti} is the primary key of its database row. */
public record RefreshTokenClaims(UUID userId, UUID jti, UUID familyId, Instant expiresAt) {
}
