package io.gatehouse.origin;

import io.gatehouse.error.ErrorCode;
import io.gatehouse.web.Problem;
import io.gatehouse.web.ServletProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;

/**
 * Cross-origin resource sharing for an exact allowlist of origins, ahead of JAX-RS.
 *
 * <p>A listed origin gets {@code Access-Control-Allow-Origin} with its own value and credentials
 * allowed; any other origin, {@code null} included, gets no CORS headers at all, so the browser
 * withholds the response. A preflight from an unlisted origin gets 403
 * {@code CORS_ORIGIN_DENIED}. Requests without an {@code Origin} header pass through unchanged.
 */
public final class CorsFilter extends HttpFilter {

    static final String ALLOWED_METHODS = "GET, POST, PUT, DELETE, OPTIONS";
    static final String ALLOWED_HEADERS = "Content-Type, Authorization, Gatehouse-Token-Delivery";
    static final String EXPOSED_HEADERS = "RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After, WWW-Authenticate";

    private final OriginPolicy origins;
    private final String maxAgeSeconds;

    public CorsFilter(OriginPolicy origins, Duration maxAge) {
        this.origins = origins;
        this.maxAgeSeconds = Long.toString(maxAge.toSeconds());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // Responses differ by Origin, so caches must key on it, whether or not this one has CORS headers.
        response.addHeader("Vary", "Origin");
        String origin = request.getHeader("Origin");
        if (origin == null) {
            chain.doFilter(request, response);
            return;
        }

        boolean allowed = origins.isAllowed(origin);
        if (isPreflight(request)) {
            if (!allowed) {
                ServletProblemWriter.write(response, Problem.of(ErrorCode.CORS_ORIGIN_DENIED,
                        "This origin may not call the API from a browser.", request.getRequestURI()));
                return;
            }
            allow(response, origin);
            response.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
            response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            response.setHeader("Access-Control-Max-Age", maxAgeSeconds);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }

        if (allowed) {
            allow(response, origin);
            response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
        chain.doFilter(request, response);
    }

    private static boolean isPreflight(HttpServletRequest request) {
        return "OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null;
    }

    private static void allow(HttpServletResponse response, String origin) {
        response.setHeader("Access-Control-Allow-Origin", origin);
        response.setHeader("Access-Control-Allow-Credentials", "true");
    }
}
