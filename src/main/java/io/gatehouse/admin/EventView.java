package io.gatehouse.admin;

import io.gatehouse.audit.AuthEvent;
import java.time.Instant;
import java.util.UUID;

/** An auth event as the admin API returns it, with the type's lower-case wire name. */
public record EventView(UUID id, Instant occurredAt, String type, boolean success, UUID userId, String clientIp,
        String userAgent, String errorCode, String jti, String detail) {

    static EventView of(AuthEvent event) {
        return new EventView(event.id(), event.occurredAt(), event.type().wireName(), event.success(), event.userId(),
                event.clientIp(), event.userAgent(), event.errorCode(), event.jti(), event.detail());
    }
}
