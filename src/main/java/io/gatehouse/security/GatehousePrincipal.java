package io.gatehouse.security;

import io.gatehouse.token.AccessTokenClaims;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The authenticated caller, built from a verified access token. {@link #getName()} returns the
 * user id, which never changes, rather than the email, which may.
 */
public final class GatehousePrincipal implements Principal {

    private final AccessTokenClaims claims;
    // Parsed on the first permission check, because many requests never make one.
    private List<WildcardPermission> permissions;

    GatehousePrincipal(AccessTokenClaims claims) {
        this.claims = claims;
    }

    @Override
    public String getName() {
        return claims.userId().toString();
    }

    public UUID userId() {
        return claims.userId();
    }

    public String email() {
        return claims.email();
    }

    public String role() {
        return claims.role();
    }

    /** The permissions as granted, in their original text form. */
    public Set<String> permissions() {
        return claims.permissions();
    }

    /** The {@code jti} of the access token that authenticated this request. */
    public String tokenId() {
        return claims.jti();
    }

    public Instant tokenExpiresAt() {
        return claims.expiresAt();
    }

    /** Returns the session (refresh-token family) of the access token, or null when the token names none. */
    public UUID sessionId() {
        return claims.sessionId();
    }

    public boolean isPermitted(WildcardPermission required) {
        if (permissions == null) {
            permissions = claims.permissions().stream().map(WildcardPermission::parse).toList();
        }
        return WildcardPermission.isPermitted(permissions, required);
    }

    @Override
    public String toString() {
        return "GatehousePrincipal[userId=" + claims.userId() + ", role=" + claims.role() + ", jti=" + claims.jti() + "]";
    }
}
