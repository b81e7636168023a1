package io.gatehouse.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.logging.log4j.ThreadContext;

/**
 * Resolves the {@link ClientInfo} of each request, stores it as a request attribute and puts the
 * client IP into the log4j thread context, so every log line of the request names the client.
 * It runs first, so rate limits, lockout and logs all see the same address.
 */
public final class RequestContextFilter extends HttpFilter {

    public static final String CLIENT_INFO_ATTRIBUTE = ClientInfo.class.getName();
    private static final String CLIENT_IP_KEY = "clientIp";

    private final transient ClientIpResolver clientIps;

    public RequestContextFilter(ClientIpResolver clientIps) {
        this.clientIps = clientIps;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ClientInfo client = new ClientInfo(clientIps.resolve(request), request.getHeader("User-Agent"));
        request.setAttribute(CLIENT_INFO_ATTRIBUTE, client);
        ThreadContext.put(CLIENT_IP_KEY, client.ip());
        try {
            chain.doFilter(request, response);
        } finally {
            ThreadContext.remove(CLIENT_IP_KEY);
        }
    }

    /** Returns the client of the current request, as resolved by this filter. */
    public static ClientInfo clientOf(HttpServletRequest request) {
        Object client = request.getAttribute(CLIENT_INFO_ATTRIBUTE);
        if (client instanceof ClientInfo info) {
            return info;
        }
        return new ClientInfo(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }
}
