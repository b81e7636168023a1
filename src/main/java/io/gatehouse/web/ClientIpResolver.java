package io.gatehouse.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Determines the client address of a request.
 *
 * <p>The socket's remote address is the client unless it belongs to a configured trusted proxy.
 * Only then are {@code Forwarded} (RFC 7239) and {@code X-Forwarded-For} read, from right to left,
 * and the first address that is not itself a trusted proxy is the client. Everything to its left
 * was written by the client and is ignored, so a client cannot choose its own address.
 */
public final class ClientIpResolver {

    private final List<IpRange> trustedProxies;

    public ClientIpResolver(List<IpRange> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    public String resolve(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!isTrusted(peer)) {
            return peer;
        }

        List<String> chain = forwardedChain(request);
        Collections.reverse(chain);
        for (String hop : chain) {
            if (IpRange.literal(hop).isEmpty()) {
                // An obfuscated or malformed hop: stop believing the chain here.
                return peer;
            }
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return chain.isEmpty() ? peer : chain.get(chain.size() - 1);
    }

    private boolean isTrusted(String address) {
        for (IpRange range : trustedProxies) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The client-to-proxy addresses, leftmost first, from Forwarded if present, else X-Forwarded-For. */
    private static List<String> forwardedChain(HttpServletRequest request) {
        List<String> chain = new ArrayList<>();
        var forwarded = request.getHeaders("Forwarded");
        if (forwarded != null && forwarded.hasMoreElements()) {
            while (forwarded.hasMoreElements()) {
                for (String element : forwarded.nextElement().split(",")) {
                    for (String pair : element.split(";")) {
                        String trimmed = pair.strip();
                        if (trimmed.toLowerCase(Locale.ROOT).startsWith("for=")) {
                            chain.add(forwardedNode(trimmed.substring(4)));
                        }
                    }
                }
            }
            return chain;
        }
        var xForwardedFor = request.getHeaders("X-Forwarded-For");
        while (xForwardedFor != null && xForwardedFor.hasMoreElements()) {
            for (String hop : xForwardedFor.nextElement().split(",")) {
                if (!hop.isBlank()) {
                    chain.add(hop.strip());
                }
            }
        }
        return chain;
    }

    /** Strips the quotes, brackets and port of an RFC 7239 node such as {@code "[2001:db8::1]:4711"}. */
    private static String forwardedNode(String node) {
        String value = node.strip();
        if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end > 0 ? value.substring(1, end) : value;
        }
        int colon = value.indexOf(':');
        return colon > 0 && value.indexOf(':', colon + 1) < 0 ? value.substring(0, colon) : value;
    }
}
