package io.gatehouse.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A denylist entry: an access token revoked before its expiry, found by its {@code jti}. */
@Entity
@Table(name = "revoked_access_token")
public class RevokedAccessToken {

    @Id
    @Column(name = "jti")
    private UUID jti;

    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected RevokedAccessToken() {
    }

    RevokedAccessToken(LiveAccessToken token, Instant now) {
        this.jti = token.jti();
        this.userId = token.userId();
        this.expiresAt = token.expiresAt();
        this.revokedAt = now;
    }
}
