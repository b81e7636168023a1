package io.gatehouse.token;

import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.config.JwtConfig;
import io.gatehouse.config.TokenSecrets;
import io.gatehouse.error.ErrorCode;
import io.gatehouse.error.GatehouseException;
import java.text.ParseException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Verifies access tokens. This runs on every protected request, so it touches no database row,
 * takes no lock and logs nothing above DEBUG: the token's claims carry all that authorization needs.
 */
public final class AccessTokenVerifier {

    private static final Set<String> REQUIRED_CLAIMS = Set.of(
            "sub", "jti", "nbf", TokenClaims.EMAIL, TokenClaims.ROLE, TokenClaims.PERMISSIONS);

    private final JwtVerifier verifier;

    public AccessTokenVerifier(JwtConfig config, TokenSecrets secrets, Clock clock) {
        Set<String> audiences = new HashSet<>(config.acceptedAudiences().orElse(List.of(config.audience())));
        RegisteredClaimsVerifier claims = new RegisteredClaimsVerifier(
                config.issuer(), audiences, REQUIRED_CLAIMS, clock, config.clockSkew());
        this.verifier = new JwtVerifier(TokenType.ACCESS, secrets.access(), claims, config.maxTokenLength());
    }

    /**
     * Returns the claims of a valid access token.
     *
     * @throws GatehouseException {@code TOKEN_EXPIRED} or {@code INVALID_TOKEN}
     */
    public AccessTokenClaims verify(String token) {
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
