package io.gatehouse.security;

import io.gatehouse.error.ErrorCode;
import io.gatehouse.error.GatehouseException;
import io.gatehouse.token.AccessTokenClaims;
import io.gatehouse.token.AccessTokenVerifier;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Authenticates requests to resources annotated with {@link RequiresPermission}: it verifies the
 * access token and installs a {@link TokenSecurityContext}. Permissions are checked afterwards by
 * {@link PermissionFeature}'s filters.
 *
 * <p>This is the hot path of every protected request: verification is pure computation on the
 * token, with no database read, no lock and no logging above DEBUG.
 */
@Provider
@RequiresPermission
@Priority(Priorities.AUTHENTICATION)
public final class AuthenticationFilter implements ContainerRequestFilter {

    private static final Logger LOG = LogManager.getLogger(AuthenticationFilter.class);

    private final AccessTokenVerifier verifier;

    public AuthenticationFilter(AccessTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            authenticate(request);
        } catch (GatehouseException e) {
            throw e;
        } catch (RuntimeException e) {
            // A bug or a broken library, not a bad token: respond 500 so it is noticed, not 401.
            LOG.error("Authentication failed unexpectedly", e);
            throw new GatehouseException(ErrorCode.AUTH_SERVICE_ERROR, "Authentication failed because of a server error.");
        }
    }

    private void authenticate(ContainerRequestContext request) {
        Optional<String> token = AccessTokenResolver.resolve(request);
        if (token.isEmpty()) {
            throw new GatehouseException(ErrorCode.MISSING_TOKEN,
                    "Send an access token in the accessToken cookie or an Authorization: Bearer header.");
        }

        AccessTokenClaims claims = verifier.verify(token.get());
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new TokenSecurityContext(new GatehousePrincipal(claims), secure));
    }
}
