package io.gatehouse.session;

import io.gatehouse.audit.AuthEvent;
import io.gatehouse.audit.AuthEventRecorder;
import io.gatehouse.audit.AuthEventType;
import io.gatehouse.error.ErrorCode;
import io.gatehouse.error.GatehouseException;
import io.gatehouse.persistence.Database;
import io.gatehouse.web.ClientInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** Ends sessions on request of their owner or of an administrator, and records each as an event. */
public final class SessionControl {

    private static final Logger LOG = LogManager.getLogger(SessionControl.class);

    private final Database database;
    private final SessionRevocation revocation;
    private final AuthEventRecorder events;
    private final Clock clock;

    public SessionControl(Database database, SessionRevocation revocation, AuthEventRecorder events, Clock clock) {
        this.database = database;
        this.revocation = revocation;
        this.events = events;
        this.clock = clock;
    }

    /** Ends every session of the caller, including the one making the request. */
    public void logoutAll(UUID userId, String accessJti, ClientInfo client) {
        int revoked = revocation.revokeUser(userId, RevocationReason.LOGOUT_ALL, clock.instant());
        LOG.info("User {} logged out of every session ({} refresh tokens revoked)", userId, revoked);
        events.record(AuthEvent.success(AuthEventType.LOGOUT_ALL).user(userId).client(client).jti(accessJti)
                .detail("refresh_tokens_revoked=" + revoked));
    }

    /**
     * Ends one active session of the caller.
     *
     * @throws GatehouseException {@code NOT_FOUND} when the user has no active session with this id
     */
    public void endSession(UUID userId, UUID sessionId, String accessJti, ClientInfo client) {
        Instant now = clock.instant();
        boolean active = database.inTransaction(em -> em.createQuery("""
                        select count(t) from RefreshToken t
                        where t.familyId = :family and t.userId = :user and t.revokedAt is null and t.expiresAt > :now""",
                        Long.class)
                .setParameter("family", sessionId)
                .setParameter("user", userId)
                .setParameter("now", now)
                .getSingleResult()) > 0;
        if (!active) {
            throw new GatehouseException(ErrorCode.NOT_FOUND, "You have no active session with id " + sessionId + ".");
        }
        revocation.revokeFamily(sessionId, RevocationReason.SESSION_ENDED, now);
        LOG.info("User {} ended session {}", userId, sessionId);
        events.record(AuthEvent.success(AuthEventType.SESSION_ENDED).user(userId).client(client).jti(accessJti)
                .detail("session=" + sessionId));
    }

    /** Ends every session of a user on an administrator's request and returns the refresh tokens revoked. */
    public int forceLogout(UUID userId, RevocationReason reason) {
        int revoked = revocation.revokeUser(userId, reason, clock.instant());
        LOG.info("Ended every session of user {} ({}, {} refresh tokens revoked)", userId, reason, revoked);
        return revoked;
    }
}
