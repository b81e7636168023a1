package io.gatehouse.audit;

import io.gatehouse.error.ErrorCode;
import io.gatehouse.web.ClientInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * One authentication event as recorded. It names the token involved by its {@code jti} and never
 * carries the token itself, a password or a cookie value.
 *
 * @param userId the account concerned, or null when unknown; for admin actions, the acting admin
 * @param errorCode the {@link ErrorCode} name of a failure, or null
 * @param jti the id of the token involved, or null
 * @param detail a short free-text addition without secrets, or null
 */
public record AuthEvent(
        UUID id, Instant occurredAt, AuthEventType type, boolean success, UUID userId,
        String clientIp, String userAgent, String errorCode, String jti, String detail) {

    /** The prefix of {@link #unknownAccountDetail}. */
    public static final String UNKNOWN_ACCOUNT_PREFIX = "unknown_account=";

    public static Builder success(AuthEventType type) {
        return new Builder(type, true);
    }

    public static Builder failure(AuthEventType type, ErrorCode code) {
        return new Builder(type, false).errorCode(code);
    }

    /**
     * Returns the detail recorded for a failed login with a well-formed email that matches no
     * account: a pseudonymous key, the first 16 hex digits of the SHA-256 of the trimmed,
     * lower-cased address. Credential-stuffing detection counts distinct keys without the event
     * storing what was typed. Callers pass only input that parsed as an email address, so a
     * password typed into the email field is never hashed into the event.
     */
    public static String unknownAccountDetail(String emailInput) {
        String normalized = emailInput == null ? "" : emailInput.strip().toLowerCase(Locale.ROOT);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return UNKNOWN_ACCOUNT_PREFIX + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Collects the optional fields of an event; the recorder stamps the id and the time. */
    public static final class Builder {

        private final AuthEventType type;
        private final boolean success;
        private UUID userId;
        private String clientIp;
        private String userAgent;
        private String errorCode;
        private String jti;
        private String detail;
        private Instant occurredAt;

        private Builder(AuthEventType type, boolean success) {
            this.type = type;
            this.success = success;
        }

        public Builder user(UUID id) {
            this.userId = id;
            return this;
        }

        public Builder client(ClientInfo client) {
            if (client != null) {
                this.clientIp = client.ip();
                this.userAgent = client.userAgent();
            }
            return this;
        }

        public Builder errorCode(ErrorCode code) {
            this.errorCode = code == null ? null : code.name();
            return this;
        }

        public Builder jti(Object tokenId) {
            this.jti = tokenId == null ? null : tokenId.toString();
            return this;
        }

        public Builder detail(String text) {
            this.detail = text;
            return this;
        }

        /** Sets the time the event refers to, for events recorded after the fact; the default is now. */
        public Builder occurredAt(Instant time) {
            this.occurredAt = time;
            return this;
        }

        AuthEvent build(Instant now) {
            return new AuthEvent(UUID.randomUUID(), occurredAt == null ? now : occurredAt, type, success, userId,
                    clientIp, userAgent, errorCode, jti, detail);
        }
    }
}
