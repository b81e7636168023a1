package io.gatehouse.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The database row of an {@link AuthEvent}. Rows are written once and never updated. */
@Entity
@Table(name = "auth_event")
public class StoredAuthEvent {

    private static final int MAX_DETAIL_LENGTH = 1000;

    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    @Column(name = "type")
    private String type;

    @Column(name = "success")
    private boolean success;

    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "client_ip")
    private String clientIp;

    @Column(name = "user_agent")
    private String userAgent;

    @Column(name = "error_code")
    private String errorCode;

    @Column(name = "jti")
    private String jti;

    @Column(name = "detail")
    private String detail;

    protected StoredAuthEvent() {
    }

    StoredAuthEvent(AuthEvent event) {
        this.id = event.id();
        this.occurredAt = event.occurredAt();
        this.type = event.type().wireName();
        this.success = event.success();
        this.userId = event.userId();
        this.clientIp = event.clientIp();
        this.userAgent = event.userAgent();
        this.errorCode = event.errorCode();
        this.jti = event.jti();
        String text = event.detail();
        this.detail = text != null && text.length() > MAX_DETAIL_LENGTH ? text.substring(0, MAX_DETAIL_LENGTH) : text;
    }

    /** Returns the event, or null for a row whose type this version does not know. */
    AuthEvent toEvent() {
        return AuthEventType.fromWireName(type)
                .map(known -> new AuthEvent(id, occurredAt, known, success, userId, clientIp, userAgent, errorCode, jti, detail))
                .orElse(null);
    }
}
