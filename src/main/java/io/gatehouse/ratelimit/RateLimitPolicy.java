package io.gatehouse.ratelimit;

/** The rate-limited operations and what each one's budget is keyed by. */
public enum RateLimitPolicy {
    LOGIN_PER_IP("login", "client IP"),
    LOGIN_PER_ACCOUNT("login", "account"),
    REFRESH_PER_IP("refresh", "client IP"),
    REGISTER_PER_IP("register", "client IP");

    private final String route;
    private final String keyDescription;

    RateLimitPolicy(String route, String keyDescription) {
        this.route = route;
        this.keyDescription = keyDescription;
    }

    String route() {
        return route;
    }

    String keyDescription() {
        return keyDescription;
    }
}
