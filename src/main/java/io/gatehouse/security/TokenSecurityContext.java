package io.gatehouse.security;

import jakarta.ws.rs.core.SecurityContext;

/** The JAX-RS security context of a request authenticated by an access token. */
final class TokenSecurityContext implements SecurityContext {

    private static final String BEARER = "Bearer";

    private final GatehousePrincipal principal;
    private final boolean secure;

    TokenSecurityContext(GatehousePrincipal principal, boolean secure) {
        this.principal = principal;
        this.secure = secure;
    }

    @Override
    public GatehousePrincipal getUserPrincipal() {
        return principal;
    }

    @Override
    public boolean isUserInRole(String role) {
        return principal.role().equals(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return BEARER;
    }
}
