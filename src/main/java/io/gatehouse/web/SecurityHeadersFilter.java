package io.gatehouse.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * Sets the browser security headers on every response, before anything else can commit it.
 *
 * <p>The API serves JSON only, so the Content-Security-Policy forbids everything but same-origin
 * loads, and framing entirely. Every response gets {@code Cache-Control: no-store}: nearly all of
 * them carry a token or user data, and a shared cache must never keep one.
 *
 * <p>NOTE: the {@code Server} header belongs to the container and cannot be removed from here:
 * Jetty 12 marks it as a persistent field. Turn it off in the container (see the README).
 */
public final class SecurityHeadersFilter extends HttpFilter {

    static final String HSTS = "max-age=31536000; includeSubDomains; preload";
    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
            + "magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()";

    private final String contentSecurityPolicy;
    private final boolean hsts;

    public SecurityHeadersFilter(boolean hsts, List<String> connectSources) {
        this.hsts = hsts;
        StringBuilder connectSrc = new StringBuilder("'self'");
        connectSources.forEach(source -> connectSrc.append(' ').append(source));
        this.contentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
                + "form-action 'none'; connect-src " + connectSrc;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        if (hsts) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        chain.doFilter(request, response);
    }
}
