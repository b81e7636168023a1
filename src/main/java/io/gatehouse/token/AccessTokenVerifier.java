package io.gatehouse.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.config.JwtConfig;
import io.gatehouse.config.TokenSecrets;
import io.gatehouse.error.ErrorCode;
import io.gatehouse.error.GatehouseException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Verifies access tokens. This runs on every protected request, so it touches no database row,
 * takes no lock and logs nothing above DEBUG: the token's claims carry all that authorization needs.
 *
 * <p>Clients send the same token on every request until it expires, so the claims of tokens that
 * passed full verification are kept in a bounded Caffeine cache keyed by the whole token string,
 * signature included. A repeated token then costs a hash lookup and an expiry check instead of
 * parsing JSON and computing an HMAC. Only an exact copy of a verified token can hit the cache,
 * and the expiry is checked against the clock on every hit.
 */
public final class AccessTokenVerifier {

    private static final Set<String> REQUIRED_CLAIMS = Set.of(
            "sub", "jti", "nbf", TokenClaims.EMAIL, TokenClaims.ROLE, TokenClaims.PERMISSIONS);
    private static final int MAX_CACHED_TOKENS = 10_000;

    private final JwtVerifier verifier;
    private final int maxTokenLength;
    private final Clock clock;
    private final Duration clockSkew;
    private final Cache<String, AccessTokenClaims> verified;

    public AccessTokenVerifier(JwtConfig config, TokenSecrets secrets, Clock clock) {
        Set<String> audiences = new HashSet<>(config.acceptedAudiences().orElse(List.of(config.audience())));
        RegisteredClaimsVerifier claims = new RegisteredClaimsVerifier(
                config.issuer(), audiences, REQUIRED_CLAIMS, clock, config.clockSkew());
        this.verifier = new JwtVerifier(TokenType.ACCESS, secrets.access(), claims, config.maxTokenLength());
        this.maxTokenLength = config.maxTokenLength();
        this.clock = clock;
        this.clockSkew = config.clockSkew();
        // No entry outlives the longest time a token can be accepted, even if the clock is moved.
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAX_CACHED_TOKENS)
                .expireAfterWrite(config.accessTokenLifetime().plus(config.clockSkew()).plusSeconds(1))
                .build();
    }

    /**
     * Returns the claims of a valid access token.
     *
     * @throws GatehouseException {@code TOKEN_EXPIRED} or {@code INVALID_TOKEN}
     */
    public AccessTokenClaims verify(String token) {
        AccessTokenClaims known = token.length() > maxTokenLength ? null : verified.getIfPresent(token);
        if (known == null) {
            known = verifyFully(token);
            verified.put(token, known);
        }
        if (clock.instant().minus(clockSkew).isAfter(known.expiresAt())) {
            throw new GatehouseException(ErrorCode.TOKEN_EXPIRED, "The access token has expired.");
        }
        return known;
    }

    private AccessTokenClaims verifyFully(String token) {
        JWTClaimsSet claims = verifier.verify(token);
        try {
            return new AccessTokenClaims(
                    UUID.fromString(claims.getSubject()),
                    claims.getStringClaim(TokenClaims.EMAIL),
                    claims.getStringClaim(TokenClaims.ROLE),
                    Set.copyOf(claims.getStringListClaim(TokenClaims.PERMISSIONS)),
                    claims.getJWTID(),
                    claims.getExpirationTime().toInstant(),
                    optionalUuid(claims.getStringClaim(TokenClaims.SESSION_ID)));
        } catch (ParseException | IllegalArgumentException e) {
            // A correctly signed token with claims of the wrong shape: treat it like any invalid token.
            throw new GatehouseException(ErrorCode.INVALID_TOKEN, "The access token is invalid.");
        }
    }

    private static UUID optionalUuid(String value) {
        return value == null ? null : UUID.fromString(value);
    }
}
