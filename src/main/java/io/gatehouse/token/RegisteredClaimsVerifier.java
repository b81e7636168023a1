package io.gatehouse.token;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Checks the registered claims of RFC 7519 section 4.1 against pinned values: the issuer must
 * match, an accepted audience must appear (for access tokens), and {@code exp}, {@code nbf} and
 * {@code iat} must fit the current time within the clock skew. The skew exists because the
 * clocks of the issuing and the verifying server drift apart.
 *
 * <p>Messages name the failed claim, never its value, and are only logged at DEBUG.
 */
final class RegisteredClaimsVerifier implements JWTClaimsSetVerifier<SecurityContext> {

    private final String issuer;
    private final Set<String> acceptedAudiences;
    private final Set<String> requiredClaims;
    private final Clock clock;
    private final Duration clockSkew;

    /**
     * @param acceptedAudiences audiences of which one must appear; empty skips the check
     * @param requiredClaims claims that must be present besides iss, exp and iat
     */
    RegisteredClaimsVerifier(String issuer, Set<String> acceptedAudiences, Set<String> requiredClaims,
            Clock clock, Duration clockSkew) {
        this.issuer = issuer;
        this.acceptedAudiences = Set.copyOf(acceptedAudiences);
        this.requiredClaims = Set.copyOf(requiredClaims);
        this.clock = clock;
        this.clockSkew = clockSkew;
    }

    @Override
    public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
        if (!issuer.equals(claims.getIssuer())) {
            throw new BadJWTException("iss is missing or not accepted");
        }
        if (!acceptedAudiences.isEmpty() && !containsAny(claims.getAudience())) {
            throw new BadJWTException("aud is missing or names no accepted audience");
        }
        for (String claim : requiredClaims) {
            if (claims.getClaim(claim) == null) {
                throw new BadJWTException(claim + " is missing");
            }
        }
        verifyTimes(claims);
    }

    private void verifyTimes(JWTClaimsSet claims) throws BadJWTException {
        Instant now = clock.instant();
        Date expiration = claims.getExpirationTime();
        Date issuedAt = claims.getIssueTime();
        if (expiration == null || issuedAt == null) {
            throw new BadJWTException("exp or iat is missing");
        }
        if (now.minus(clockSkew).isAfter(expiration.toInstant())) {
            throw new ExpiredJWTException("exp " + expiration.toInstant() + " has passed at " + now
                    + " with a clock skew of " + clockSkew);
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.plus(clockSkew).isBefore(notBefore.toInstant())) {
            throw new BadJWTException("nbf is in the future");
        }
        if (now.plus(clockSkew).isBefore(issuedAt.toInstant())) {
            throw new BadJWTException("iat is in the future");
        }
    }

    private boolean containsAny(List<String> audiences) {
        return audiences != null && audiences.stream().anyMatch(acceptedAudiences::contains);
    }
}
