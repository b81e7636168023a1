package io.gatehouse.session;

import java.time.Instant;
import java.util.UUID;

/**
 * One active session as its owner sees it.
 *
 * @param id the session id, which is the refresh-token family id and the {@code sid} claim
 * @param lastUsedAt when a token of the session was last issued, at login or refresh. Access-token
 *     requests are not counted, because recording them would add a database write to each request.
 * @param refreshCount how many times the session's refresh token was rotated
 * @param clientIp the client address of the most recent login or refresh
 * @param userAgent the User-Agent of the most recent login or refresh
 * @param current whether the request that listed the sessions belongs to this one
 */
public record SessionView(UUID id, Instant createdAt, Instant lastUsedAt, long refreshCount,
        String clientIp, String userAgent, Instant expiresAt, boolean current) {
}
