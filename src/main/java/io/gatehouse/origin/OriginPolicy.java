package io.gatehouse.origin;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The origins allowed to call Gatehouse from a browser. Matching is exact on scheme, host and
 * port, after lower-casing and dropping a default port, so {@code https://app.example.com.evil.test}
 * never matches {@code https://app.example.com}. The literal origin {@code null} never matches.
 */
public final class OriginPolicy {

    private final Set<String> allowed;

    public OriginPolicy(List<String> allowedOrigins) {
        this.allowed = allowedOrigins.stream()
                .map(origin -> canonical(origin).orElseThrow(() -> new IllegalArgumentException(
                        "gatehouse.cors.allowed-origins contains '" + origin + "', which is not an origin such as https://app.example.com")))
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean isAllowed(String origin) {
        return canonical(origin).map(allowed::contains).orElse(false);
    }

    /** Returns whether the origin is allowed or is this service's own origin. */
    public boolean isAllowedOrSameOrigin(String origin, HttpServletRequest request) {
        return isAllowed(origin) || canonical(origin).equals(canonical(ownOrigin(request)));
    }

    private static String ownOrigin(HttpServletRequest request) {
        return request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
    }

    /** Reduces an origin or URL to {@code scheme://host:port}, or empty when it is not an http(s) origin. */
    static Optional<String> canonical(String origin) {
        if (origin == null || origin.isBlank() || origin.strip().equalsIgnoreCase("null")) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(origin.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
