package io.gatehouse.error;

/**
 * Every error Gatehouse returns. The name is the stable {@code code} member of the problem
 * document (RFC 9457); clients branch on it, so a code is never renamed or reused.
 *
 * <p>{@code bearerError} is the RFC 6750 section 3.1 error attribute sent in
 * {@code WWW-Authenticate}. It is absent for {@link #MISSING_TOKEN}, because the RFC recommends no
 * error code when the request carried no credentials at all.
 */
public enum ErrorCode {
    MALFORMED_REQUEST(400, "Malformed request", null),
    INVALID_EMAIL(400, "Invalid email address", null),
    WEAK_PASSWORD(400, "Password too weak", null),
    PASSWORD_TOO_LONG(400, "Password too long", null),
    INVALID_CREDENTIALS(401, "Invalid credentials", null),
    MISSING_TOKEN(401, "Authentication required", null),
    INVALID_TOKEN(401, "Invalid token", "invalid_token"),
    TOKEN_EXPIRED(401, "Token expired", "invalid_token"),
    TOKEN_REVOKED(401, "Token revoked", "invalid_token"),
    TOKEN_REUSED(401, "Refresh token reused", "invalid_token"),
    INSUFFICIENT_PERMISSIONS(403, "Insufficient permissions", "insufficient_scope"),
    REGISTRATION_DISABLED(403, "Registration disabled", null),
    CORS_ORIGIN_DENIED(403, "Origin not allowed", null),
    CSRF_REJECTED(403, "Cross-site request rejected", null),
    NOT_FOUND(404, "Not found", null),
    METHOD_NOT_ALLOWED(405, "Method not allowed", null),
    NOT_ACCEPTABLE(406, "Not acceptable", null),
    EMAIL_TAKEN(409, "Email already registered", null),
    PAYLOAD_TOO_LARGE(413, "Payload too large", null),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type", null),
    ACCOUNT_LOCKED(423, "Account locked", null),
    RATE_LIMITED(429, "Too many requests", null),
    INTERNAL_ERROR(500, "Internal error", null),
    AUTH_SERVICE_ERROR(500, "Authentication service error", null),
    DATABASE_UNAVAILABLE(503, "Database unavailable", null),
    UNKNOWN_ROLE(400, "Unknown role", null),
    INVALID_PERMISSION(400, "Invalid permission", null),
    ROLE_EXISTS(409, "Role already exists", null),
    LAST_ADMIN(409, "Last administrator", null);

    private final int status;
    private final String title;
    private final String bearerError;

    ErrorCode(int status, String title, String bearerError) {
        this.status = status;
        this.title = title;
        this.bearerError = bearerError;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The RFC 6750 error attribute, or null when the challenge carries none. */
    public String bearerError() {
        return bearerError;
    }

    /** The problem type URI: a stable URN, since Gatehouse publishes no problem pages. */
    public String typeUri() {
        return "urn:gatehouse:problem:" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
