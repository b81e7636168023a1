package io.gatehouse.session;

import io.gatehouse.web.ClientInfo;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The server-side record of one issued refresh token. The token itself is never stored: its
 * signature proves it was issued here, and its {@code jti} finds this row.
 */
@Entity
@Table(name = "refresh_token")
public class RefreshToken {

    @Id
    @Column(name = "jti")
    private UUID jti;

    @Column(name = "family_id")
    private UUID familyId;

    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "issued_at")
    private Instant issuedAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "revoke_reason")
    private RevocationReason revokeReason;

    @Column(name = "replaced_by")
    private UUID replacedBy;

    @Column(name = "client_ip")
    private String clientIp;

    @Column(name = "user_agent")
    private String userAgent;

    @Column(name = "access_jti")
    private UUID accessJti;

    @Column(name = "access_expires_at")
    private Instant accessExpiresAt;

    protected RefreshToken() {
    }

    RefreshToken(UUID familyId, UUID userId, Instant issuedAt, Instant expiresAt, ClientInfo client) {
        this.jti = UUID.randomUUID();
        this.familyId = familyId;
        this.userId = userId;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
        this.clientIp = client.ip();
        this.userAgent = client.userAgent();
    }

    UUID jti() {
        return jti;
    }

    UUID familyId() {
        return familyId;
    }

    UUID userId() {
        return userId;
    }

    Instant issuedAt() {
        return issuedAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    Instant revokedAt() {
        return revokedAt;
    }

    UUID replacedBy() {
        return replacedBy;
    }

    String clientIp() {
        return clientIp;
    }

    String userAgent() {
        return userAgent;
    }

    /** Records the access token issued together with this refresh token, so that it can be denylisted. */
    void recordAccessToken(UUID jti, Instant expiresAt) {
        this.accessJti = jti;
        this.accessExpiresAt = expiresAt;
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    RevocationReason revokeReason() {
        return revokeReason;
    }

    void revoke(Instant now, RevocationReason reason) {
        this.revokedAt = now;
        this.revokeReason = reason;
    }

    void rotateTo(RefreshToken successor, Instant now) {
        revoke(now, RevocationReason.ROTATED);
        this.replacedBy = successor.jti;
    }
}
