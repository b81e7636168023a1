package io.gatehouse.session;

import java.time.Instant;
import java.util.UUID;

/** An access token that has not expired yet, identified by its {@code jti}, as revocation needs it. */
record LiveAccessToken(UUID jti, UUID userId, Instant expiresAt) {
}
