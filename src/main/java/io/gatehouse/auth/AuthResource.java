package io.gatehouse.auth;

import io.gatehouse.audit.AuthEvent;
import io.gatehouse.audit.AuthEventRecorder;
import io.gatehouse.audit.AuthEventType;
import io.gatehouse.error.ErrorCode;
import io.gatehouse.error.GatehouseException;
import io.gatehouse.security.GatehousePrincipal;
import io.gatehouse.security.RequiresPermission;
import io.gatehouse.session.SessionControl;
import io.gatehouse.session.SessionDirectory;
import io.gatehouse.session.SessionService;
import io.gatehouse.session.SessionView;
import io.gatehouse.session.TokenPair;
import io.gatehouse.user.RegistrationService;
import io.gatehouse.user.EmailAddress;
import io.gatehouse.user.UserView;
import io.gatehouse.lockout.DeviceCookies;
import io.gatehouse.ratelimit.RateLimitHeaders;
import io.gatehouse.ratelimit.RateLimitPolicy;
import io.gatehouse.ratelimit.RateLimitStatus;
import io.gatehouse.ratelimit.RateLimiter;
import io.gatehouse.web.ClientInfo;
import io.gatehouse.web.RequestContextFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Registration, login, refresh, logout, the current user and the user's own sessions.
 *
 * <p>Tokens are always set as cookies and, unless the client sends
 * {@code Gatehouse-Token-Delivery: cookie}, also returned in the body. Browser clients should send
 * that header so that no script ever sees a token.
 */
@Path("api/auth")
@Produces(MediaType.APPLICATION_JSON)
public final class AuthResource {

    static final String TOKEN_DELIVERY_HEADER = "Gatehouse-Token-Delivery";
    private static final String COOKIE_ONLY = "cookie";
    private static final String BODY_AND_COOKIE = "body";

    private final RegistrationService registration;
    private final LoginService login;
    private final SessionService sessions;
    private final SessionControl sessionControl;
    private final SessionDirectory sessionDirectory;
    private final AuthEventRecorder events;
    private final RateLimiter rateLimiter;
    private final TokenCookies cookies;
    private final Duration accessLifetime;
    private final Duration refreshLifetime;
    private final Duration deviceCookieLifetime;

    @Context
    private HttpServletRequest request;

    public AuthResource(RegistrationService registration, LoginService login, SessionService sessions,
            SessionControl sessionControl, SessionDirectory sessionDirectory, AuthEventRecorder events,
            RateLimiter rateLimiter, boolean secureCookies, Duration accessLifetime, Duration refreshLifetime,
            Duration deviceCookieLifetime) {
        this.registration = registration;
        this.login = login;
        this.sessions = sessions;
        this.sessionControl = sessionControl;
        this.sessionDirectory = sessionDirectory;
        this.events = events;
        this.rateLimiter = rateLimiter;
        this.cookies = new TokenCookies(secureCookies);
        this.accessLifetime = accessLifetime;
        this.refreshLifetime = refreshLifetime;
        this.deviceCookieLifetime = deviceCookieLifetime;
    }

    @POST
    @Path("register")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(CredentialsRequest body) {
        limit(RateLimitPolicy.REGISTER_PER_IP, client().ip());
        CredentialsRequest credentials = requireCredentials(body);
        UserView user;
        try {
            user = UserView.of(registration.register(credentials.email(), credentials.password()));
        } catch (GatehouseException e) {
            events.record(AuthEvent.failure(AuthEventType.REGISTRATION, e.code()).client(client()));
            throw e;
        }
        events.record(AuthEvent.success(AuthEventType.REGISTRATION).user(user.id()).client(client()));
        return Response.status(Response.Status.CREATED).entity(user).cacheControl(noStore()).build();
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(CredentialsRequest body, @HeaderParam(TOKEN_DELIVERY_HEADER) String delivery,
            @CookieParam(DeviceCookies.COOKIE_NAME) String deviceCookie) {
        // Both budgets are charged before anything else, so a flood never reaches bcrypt.
        limit(RateLimitPolicy.LOGIN_PER_IP, client().ip());
        CredentialsRequest credentials = requireCredentials(body);
        limit(RateLimitPolicy.LOGIN_PER_ACCOUNT, EmailAddress.lookupKey(credentials.email()));
        boolean cookieOnly = isCookieOnly(delivery);

        LoginService.Success success = login.login(credentials.email(), credentials.password(), deviceCookie, client());
        return Response.fromResponse(tokenResponse(success.tokens(), cookieOnly))
                .header(HttpHeaders.SET_COOKIE, cookies.device(success.deviceCookie(), deviceCookieLifetime, request.getContextPath()))
                .build();
    }

    /**
     * Rotates a refresh token taken from the {@code refreshToken} cookie or, failing that, from
     * the JSON body. A request without a body needs no Content-Type.
     */
    @POST
    @Path("refresh")
    public Response refresh(@CookieParam(TokenCookies.REFRESH_COOKIE) String cookie, RefreshRequest body,
            @HeaderParam(TOKEN_DELIVERY_HEADER) String delivery) {
        limit(RateLimitPolicy.REFRESH_PER_IP, client().ip());
        boolean cookieOnly = isCookieOnly(delivery);
        String refreshToken = requireRefreshToken(cookie, body);
        TokenPair tokens = sessions.refresh(refreshToken, client());
        return tokenResponse(tokens, cookieOnly);
    }

    /**
     * Ends the session of the presented refresh token and deletes both cookies. Without a token
     * there is nothing to end, and the cookies are deleted all the same.
     */
    @POST
    @Path("logout")
    public Response logout(@CookieParam(TokenCookies.REFRESH_COOKIE) String cookie, RefreshRequest body) {
        String refreshToken = refreshToken(cookie, body);
        if (refreshToken != null) {
            sessions.logout(refreshToken, client());
        }
        return clearCookies();
    }

    /**
     * Ends every session of the caller: revokes all refresh tokens and denylists every access
     * token that has not expired, including the one that authenticated this request.
     */
    @POST
    @Path("logout-all")
    @RequiresPermission
    public Response logoutAll(@Context SecurityContext security) {
        GatehousePrincipal principal = principal(security);
        sessionControl.logoutAll(principal.userId(), principal.tokenId(), client());
        return clearCookies();
    }

    /** Lists the caller's active sessions, most recently used first, marking the current one. */
    @GET
    @Path("sessions")
    @RequiresPermission
    public Response listSessions(@Context SecurityContext security) {
        GatehousePrincipal principal = principal(security);
        List<SessionView> active = sessionDirectory.activeSessions(principal.userId(), principal.sessionId());
        return Response.ok(active).cacheControl(noStore()).build();
    }

    /** Ends one of the caller's sessions; its access tokens stop working on their next request. */
    @DELETE
    @Path("sessions/{id}")
    @RequiresPermission
    public Response endSession(@Context SecurityContext security, @PathParam("id") String id) {
        GatehousePrincipal principal = principal(security);
        UUID sessionId = parseSessionId(id);
        sessionControl.endSession(principal.userId(), sessionId, principal.tokenId(), client());
        return Response.noContent().cacheControl(noStore()).build();
    }

    private static UUID parseSessionId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new GatehouseException(ErrorCode.NOT_FOUND, "No session has the id '" + id + "'.");
        }
    }

    private static GatehousePrincipal principal(SecurityContext security) {
        return (GatehousePrincipal) security.getUserPrincipal();
    }

    private Response clearCookies() {
        String contextPath = request.getContextPath();
        return Response.noContent()
                .header(HttpHeaders.SET_COOKIE, cookies.clearAccess(contextPath))
                .header(HttpHeaders.SET_COOKIE, cookies.clearRefresh(contextPath))
                .cacheControl(noStore())
                .build();
    }

    @GET
    @Path("me")
    @RequiresPermission
    public Response me(@Context SecurityContext security) {
        GatehousePrincipal principal = (GatehousePrincipal) security.getUserPrincipal();
        CurrentUser user = new CurrentUser(principal.userId(), principal.email(), principal.role(), principal.permissions());
        return Response.ok(user).cacheControl(noStore()).build();
    }

    private ClientInfo client() {
        return RequestContextFilter.clientOf(request);
    }

    /** Charges one request to the key's budget, reports it in the response headers and enforces it. */
    private void limit(RateLimitPolicy policy, String key) {
        RateLimitStatus status = rateLimiter.consume(policy, key);
        RateLimitHeaders.record(request, status);
        if (!status.allowed()) {
            events.record(AuthEvent.failure(AuthEventType.RATE_LIMITED, ErrorCode.RATE_LIMITED).client(client())
                    .detail(policy.name().toLowerCase(java.util.Locale.ROOT)));
        }
        RateLimiter.enforce(status);
    }

    private Response tokenResponse(TokenPair tokens, boolean cookieOnly) {
        String contextPath = request.getContextPath();
        TokenResponse body = new TokenResponse(
                cookieOnly ? null : tokens.accessToken().value(),
                cookieOnly ? null : tokens.refreshToken().value(),
                "Bearer",
                accessLifetime.toSeconds(),
                refreshLifetime.toSeconds());
        return Response.ok(body)
                .header(HttpHeaders.SET_COOKIE, cookies.access(tokens.accessToken().value(), accessLifetime, contextPath))
                .header(HttpHeaders.SET_COOKIE, cookies.refresh(tokens.refreshToken().value(), refreshLifetime, contextPath))
                .cacheControl(noStore())
                .header("Pragma", "no-cache")
                .build();
    }

    private static CredentialsRequest requireCredentials(CredentialsRequest body) {
        if (body == null) {
            throw malformed("The request body is missing: send {\"email\": ..., \"password\": ...}.");
        }
        if (body.email() == null) {
            throw malformed("Field 'email' is missing.");
        }
        if (body.password() == null) {
            throw malformed("Field 'password' is missing.");
        }
        return body;
    }

    private static String requireRefreshToken(String cookie, RefreshRequest body) {
        String token = refreshToken(cookie, body);
        if (token == null) {
            throw new GatehouseException(ErrorCode.MISSING_TOKEN,
                    "Send the refresh token in the refreshToken cookie or as {\"refreshToken\": ...}.");
        }
        return token;
    }

    private static String refreshToken(String cookie, RefreshRequest body) {
        if (cookie != null && !cookie.isEmpty()) {
            return cookie;
        }
        return body == null ? null : body.refreshToken();
    }

    private static boolean isCookieOnly(String delivery) {
        if (delivery == null || delivery.equalsIgnoreCase(BODY_AND_COOKIE)) {
            return false;
        }
        if (delivery.equalsIgnoreCase(COOKIE_ONLY)) {
            return true;
        }
        throw malformed("Header " + TOKEN_DELIVERY_HEADER + " must be 'cookie' or 'body'.");
    }

    private static GatehouseException malformed(String detail) {
        return new GatehouseException(ErrorCode.MALFORMED_REQUEST, detail);
    }

    private static CacheControl noStore() {
        CacheControl cacheControl = new CacheControl();
        cacheControl.setNoStore(true);
        cacheControl.setNoTransform(false);
        return cacheControl;
    }
}
