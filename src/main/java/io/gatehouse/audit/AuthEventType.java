package io.gatehouse.audit;

import java.util.Locale;
import java.util.Optional;

/** The kinds of auth event. {@link #wireName()} is the stable name stored and logged. */
public enum AuthEventType {
    LOGIN,
    LOGIN_FAILURE,
    LOGOUT,
    LOGOUT_ALL,
    TOKEN_REFRESH,
    REFRESH_REUSE_DETECTED,
    TOKEN_VALIDATION_FAILURE,
    ACCOUNT_LOCKED,
    ACCOUNT_UNLOCKED,
    RATE_LIMITED,
    REGISTRATION,
    ADMIN_ACTION,
    SESSION_ENDED,
    SUSPICIOUS_ACTIVITY;

    /** Returns the lower-case name used in the database, the audit log and the API, such as {@code login_failure}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the type with the given wire name, or empty when there is none. */
    public static Optional<AuthEventType> fromWireName(String name) {
        for (AuthEventType type : values()) {
            if (type.wireName().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
