package io.gatehouse.token;

import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.config.JwtConfig;
import io.gatehouse.config.TokenSecrets;
import io.gatehouse.error.ErrorCode;
import io.gatehouse.error.GatehouseException;
import java.text.ParseException;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;

/**
 * Verifies the signature, type and times of refresh tokens. Whether the token is still current
 * (not rotated or revoked) is a database question answered by the session service.
 */
public final class RefreshTokenVerifier {

    private static final Set<String> REQUIRED_CLAIMS = Set.of("sub", "jti", TokenClaims.FAMILY_ID);

    private final JwtVerifier verifier;

    public RefreshTokenVerifier(JwtConfig config, TokenSecrets secrets, Clock clock) {
        RegisteredClaimsVerifier claims = new RegisteredClaimsVerifier(
                config.issuer(), Set.of(), REQUIRED_CLAIMS, clock, config.clockSkew());
        this.verifier = new JwtVerifier(TokenType.REFRESH, secrets.refresh(), claims, config.maxTokenLength());
    }

    /**
     * Returns the claims of a genuine, unexpired refresh token.
     *
     * @throws GatehouseException {@code TOKEN_EXPIRED} or {@code INVALID_TOKEN}
     */
    public RefreshTokenClaims verify(String token) {
        JWTClaimsSet claims = verifier.verify(token);
        try {
            return new RefreshTokenClaims(
                    UUID.fromString(claims.getSubject()),
                    UUID.fromString(claims.getJWTID()),
                    UUID.fromString(claims.getStringClaim(TokenClaims.FAMILY_ID)),
                    claims.getExpirationTime().toInstant());
        } catch (ParseException | IllegalArgumentException e) {
            throw new GatehouseException(ErrorCode.INVALID_TOKEN, "The refresh token is invalid.");
        }
    }
}
