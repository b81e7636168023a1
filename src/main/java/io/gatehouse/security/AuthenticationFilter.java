package io.gatehouse.security;

import io.gatehouse.audit.AuthEvent;
import io.gatehouse.audit.AuthEventRecorder;
import io.gatehouse.audit.AuthEventType;
import io.gatehouse.error.ErrorCode;
import io.gatehouse.error.GatehouseException;
import io.gatehouse.session.AccessTokenDenylist;
import io.gatehouse.token.AccessTokenClaims;
import io.gatehouse.token.AccessTokenVerifier;
import io.gatehouse.web.RequestContextFilter;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Authenticates requests to resources annotated with {@link RequiresPermission}: it verifies the
 * access token, rejects a denylisted one and installs a {@link TokenSecurityContext}. Permissions
 * are checked afterwards by {@link PermissionFeature}'s filters.
 *
 * <p>This is the hot path of every protected request: verification is pure computation on the
 * token and the denylist check reads memory, with no database read, no lock and no logging above
 * DEBUG. A rejection is handed to the event recorder's lock-free queue, which a background thread
 * writes out.
 */
@Provider
@RequiresPermission
@Priority(Priorities.AUTHENTICATION)
public final class AuthenticationFilter implements ContainerRequestFilter {

    private static final Logger LOG = LogManager.getLogger(AuthenticationFilter.class);

    private final AccessTokenVerifier verifier;
    private final AccessTokenDenylist denylist;
    private final AuthEventRecorder events;
    private final Timer verificationTimer;

    @Context
    private HttpServletRequest servletRequest;

    public AuthenticationFilter(AccessTokenVerifier verifier, AccessTokenDenylist denylist, AuthEventRecorder events,
            Timer verificationTimer) {
        this.verifier = verifier;
        this.denylist = denylist;
        this.events = events;
        this.verificationTimer = verificationTimer;
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

        AccessTokenClaims claims = verify(token.get());
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new TokenSecurityContext(new GatehousePrincipal(claims), secure));
    }

    private AccessTokenClaims verify(String token) {
        long start = System.nanoTime();
        try {
            AccessTokenClaims claims = verifier.verify(token);
            if (denylist.isRevoked(claims.jti())) {
                LOG.debug("Access token {} of user {} is denylisted", claims.jti(), claims.userId());
                recordFailure(ErrorCode.TOKEN_REVOKED, claims);
                throw new GatehouseException(ErrorCode.TOKEN_REVOKED, "The access token has been revoked. Log in again.");
            }
            return claims;
        } catch (GatehouseException e) {
            if (e.code() != ErrorCode.TOKEN_REVOKED) {
                recordFailure(e.code(), null);
            }
            throw e;
        } finally {
            verificationTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private void recordFailure(ErrorCode code, AccessTokenClaims claims) {
        AuthEvent.Builder event = AuthEvent.failure(AuthEventType.TOKEN_VALIDATION_FAILURE, code)
                .client(RequestContextFilter.clientOf(servletRequest));
        if (claims != null) {
            event.user(claims.userId()).jti(claims.jti());
        }
        events.record(event);
    }
}
