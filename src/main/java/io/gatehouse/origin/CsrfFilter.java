package io.gatehouse.origin;

import io.gatehouse.error.ErrorCode;
import io.gatehouse.web.Problem;
import io.gatehouse.web.ServletProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Cross-site request forgery defence for cookie-authenticated requests, by origin verification
 * (OWASP CSRF Prevention Cheat Sheet, "Verifying Origin With Standard Headers").
 *
 * <p>A state-changing request (POST, PUT, PATCH, DELETE) that carries a Gatehouse token cookie must
 * name an allowed origin, or this service's own, in {@code Origin}, or failing that in
 * {@code Referer}; with neither header it is rejected, so the check fails closed. Requests without
 * token cookies, such as those authenticated by {@code Authorization: Bearer}, are not affected,
 * because a browser never attaches that header by itself. SameSite=Strict on the cookies remains a
 * second layer.
 */
public final class CsrfFilter extends HttpFilter {

    private static final Logger LOG = LogManager.getLogger(CsrfFilter.class);
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> TOKEN_COOKIES = Set.of("accessToken", "refreshToken");

    private final OriginPolicy origins;

    public CsrfFilter(OriginPolicy origins) {
        this.origins = origins;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!STATE_CHANGING.contains(request.getMethod()) || !carriesTokenCookie(request)) {
            chain.doFilter(request, response);
            return;
        }

        String origin = request.getHeader("Origin");
        String source = origin != null ? origin : request.getHeader("Referer");
        if (source != null && origins.isAllowedOrSameOrigin(source, request)) {
            chain.doFilter(request, response);
            return;
        }
        LOG.warn("Rejected a cookie-authenticated {} {} from origin {}", request.getMethod(), request.getRequestURI(),
                source == null ? "(none sent)" : OriginPolicy.canonical(source).orElse("(not an origin)"));
        ServletProblemWriter.write(response, Problem.of(ErrorCode.CSRF_REJECTED,
                "A request authenticated by cookie must come from an allowed origin. Send an Origin header,"
                        + " or authenticate with Authorization: Bearer instead of cookies.",
                request.getRequestURI()));
    }

    private static boolean carriesTokenCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            if (TOKEN_COOKIES.contains(cookie.getName()) && !cookie.getValue().isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
