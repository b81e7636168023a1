package io.gatehouse.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.config.JwtConfig;
import io.gatehouse.config.TokenSecrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Signs access and refresh tokens with HS256, each kind with its own secret. */
public final class TokenIssuer {

    private final MACSigner accessSigner;
    private final MACSigner refreshSigner;
    private final String issuer;
    private final String audience;
    private final Duration accessLifetime;
    private final Duration refreshLifetime;
    private final Clock clock;

    public TokenIssuer(JwtConfig config, TokenSecrets secrets, Clock clock) {
        this.accessSigner = signer(secrets.access());
        this.refreshSigner = signer(secrets.refresh());
        this.issuer = config.issuer();
        this.audience = config.audience();
        this.accessLifetime = config.accessTokenLifetime();
        this.refreshLifetime = config.refreshTokenLifetime();
        this.clock = clock;
    }

    private static MACSigner signer(byte[] secret) {
        try {
            return new MACSigner(secret);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("HMAC secret rejected by nimbus-jose-jwt", e);
        }
    }

    public Duration accessLifetime() {
        return accessLifetime;
    }

    public Duration refreshLifetime() {
        return refreshLifetime;
    }

    /** Signs an access token for the session (refresh-token family) {@code sessionId}. */
    public IssuedToken issueAccessToken(UUID userId, String email, String role, Set<String> permissions, UUID sessionId) {
        Instant now = now();
        // JWT times are whole seconds: rounding exp up keeps the full lifetime, which matters only
        // for lifetimes of a few seconds, where rounding down could issue an already expired token.
        Instant expiresAt = roundUpToSecond(clock.instant().plus(accessLifetime));
        String jti = UUID.randomUUID().toString();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(userId.toString())
                .claim(TokenClaims.EMAIL, email)
                .claim(TokenClaims.ROLE, role)
                .claim(TokenClaims.PERMISSIONS, List.copyOf(permissions))
                .claim(TokenClaims.SESSION_ID, sessionId.toString())
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(jti)
                .build();
        return new IssuedToken(sign(claims, TokenType.ACCESS, accessSigner), jti, expiresAt);
    }

    /** Returns the expiry of a refresh token issued now; the caller stores it with the token's row. */
    public Instant refreshExpiry(Instant issuedAt) {
        return issuedAt.plus(refreshLifetime);
    }

    public IssuedToken issueRefreshToken(UUID userId, UUID jti, UUID familyId, Instant issuedAt, Instant expiresAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(userId.toString())
                .jwtID(jti.toString())
                .claim(TokenClaims.FAMILY_ID, familyId.toString())
                .issuer(issuer)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .build();
        return new IssuedToken(sign(claims, TokenType.REFRESH, refreshSigner), jti.toString(), expiresAt);
    }

    private static Instant roundUpToSecond(Instant instant) {
        Instant truncated = instant.truncatedTo(ChronoUnit.SECONDS);
        return truncated.equals(instant) ? truncated : truncated.plusSeconds(1);
    }

    /** Returns the current time truncated to the one-second precision of JWT time claims. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static String sign(JWTClaimsSet claims, TokenType type, MACSigner signer) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).type(type.joseType()).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing a " + type + " token failed", e);
        }
        return jwt.serialize();
    }
}
