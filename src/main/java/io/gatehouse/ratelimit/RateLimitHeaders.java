package io.gatehouse.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Adds {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} to every
 * response of a rate-limited route, success or error. Resources record the status with
 * {@link #record}; this filter writes it once the response exists.
 */
@Provider
public final class RateLimitHeaders implements ContainerResponseFilter {

    private static final String PROPERTY = RateLimitStatus.class.getName();

    /**
     * Remembers the status for the response, keeping the tighter one when called twice. Jersey
     * exposes servlet request attributes as request properties, where {@link #filter} finds it.
     */
    public static void record(HttpServletRequest request, RateLimitStatus status) {
        Object previous = request.getAttribute(PROPERTY);
        RateLimitStatus tighter = previous instanceof RateLimitStatus known ? known.tighter(status) : status;
        request.setAttribute(PROPERTY, tighter);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(PROPERTY) instanceof RateLimitStatus status)) {
            return;
        }
        response.getHeaders().putSingle("RateLimit-Limit", status.limit());
        response.getHeaders().putSingle("RateLimit-Remaining", status.remaining());
        response.getHeaders().putSingle("RateLimit-Reset", status.resetSeconds());
    }
}
