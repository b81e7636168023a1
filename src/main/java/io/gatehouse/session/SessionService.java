package io.gatehouse.session;

import io.gatehouse.audit.AuthEvent;
import io.gatehouse.audit.AuthEventRecorder;
import io.gatehouse.audit.AuthEventType;
import io.gatehouse.error.ErrorCode;
import io.gatehouse.error.GatehouseException;
import io.gatehouse.persistence.Database;
import io.gatehouse.token.IssuedToken;
import io.gatehouse.token.RefreshTokenClaims;
import io.gatehouse.token.RefreshTokenVerifier;
import io.gatehouse.token.TokenIssuer;
import io.gatehouse.user.User;
import io.gatehouse.user.UserRepository;
import io.gatehouse.web.ClientInfo;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Sessions as chains of refresh tokens. A login starts a family; each refresh revokes the
 * presented token and issues its successor in the same family, in one transaction.
 *
 * <p>Presenting a token that was already rotated means two parties hold it, so one of them stole
 * it: the whole family is revoked, including the newest token, and both parties must log in again
 * (RFC 9700 section 4.14.2, refresh token rotation). The access tokens of a revoked family that
 * have not expired yet are denylisted with it.
 *
 * <p>A configurable grace period softens this for honest races, such as two browser tabs
 * refreshing at once: within it, the token that was just rotated can be presented again, and its
 * successor is then rotated in turn, so the family still has exactly one valid refresh token.
 * The earlier successor stops working as a refresh token; its access token stays valid.
 */
public final class SessionService {

    private static final Logger LOG = LogManager.getLogger(SessionService.class);

    private final Database database;
    private final UserRepository users;
    private final TokenIssuer issuer;
    private final RefreshTokenVerifier refreshVerifier;
    private final SessionRevocation revocation;
    private final AuthEventRecorder events;
    private final Duration reuseGracePeriod;

    public SessionService(Database database, UserRepository users, TokenIssuer issuer, RefreshTokenVerifier refreshVerifier,
            SessionRevocation revocation, AuthEventRecorder events, Duration reuseGracePeriod) {
        this.database = database;
        this.users = users;
        this.issuer = issuer;
        this.refreshVerifier = refreshVerifier;
        this.revocation = revocation;
        this.events = events;
        this.reuseGracePeriod = reuseGracePeriod;
    }

    /** Starts a new token family for a user who has just proven their credentials. */
    public TokenPair start(User user, ClientInfo client) {
        Instant now = issuer.now();
        RefreshToken token = new RefreshToken(UUID.randomUUID(), user.id(), now, issuer.refreshExpiry(now), client);
        TokenPair pair = sign(user, token);
        database.runInTransaction(em -> em.persist(token));
        LOG.info("Started session {} for user {} with refresh token {}", token.familyId(), user.id(), token.jti());
        return pair;
    }

    /**
     * Exchanges a refresh token for a new pair. The user's role and permissions are read afresh,
     * so changes to them take effect here.
     *
     * @throws GatehouseException {@code INVALID_TOKEN}, {@code TOKEN_EXPIRED}, {@code TOKEN_REVOKED}
     *     or {@code TOKEN_REUSED}
     */
    public TokenPair refresh(String refreshToken, ClientInfo client) {
        RefreshTokenClaims claims = verify(refreshToken, client);

        // The family revocation on reuse must commit, so the transaction returns an outcome and
        // the exception is thrown only after it.
        Rotation rotation = database.inTransaction(em -> rotate(em, claims, client));
        revocation.remember(rotation.revoked());

        return switch (rotation.outcome()) {
            case ROTATED, GRACE_RETRY -> {
                LOG.info("Rotated refresh token {} to {} in session {} for user {}{}", rotation.rotated(),
                        rotation.successor().jti(), claims.familyId(), claims.userId(),
                        rotation.outcome() == Outcome.GRACE_RETRY ? " (retry within the reuse grace period)" : "");
                events.record(AuthEvent.success(AuthEventType.TOKEN_REFRESH).user(claims.userId()).client(client)
                        .jti(claims.jti()).detail(rotation.outcome() == Outcome.GRACE_RETRY
                                ? "session=" + claims.familyId() + " grace_retry=true"
                                : "session=" + claims.familyId()));
                yield rotation.tokens();
            }
            case REUSED -> {
                LOG.warn("Refresh token {} of user {} was reused; revoked session {}",
                        claims.jti(), claims.userId(), claims.familyId());
                events.record(AuthEvent.failure(AuthEventType.REFRESH_REUSE_DETECTED, ErrorCode.TOKEN_REUSED)
                        .user(claims.userId()).client(client).jti(claims.jti()).detail("session=" + claims.familyId()));
                throw new GatehouseException(ErrorCode.TOKEN_REUSED,
                        "This refresh token was already used. The session has been ended; log in again.");
            }
            case REVOKED -> throw refreshFailure(claims, client, ErrorCode.TOKEN_REVOKED, "The refresh token has been revoked.");
            case UNKNOWN -> {
                LOG.debug("Refresh token {} has no matching record", claims.jti());
                throw refreshFailure(claims, client, ErrorCode.INVALID_TOKEN, "The refresh token is invalid.");
            }
        };
    }

    private RefreshTokenClaims verify(String refreshToken, ClientInfo client) {
        try {
            return refreshVerifier.verify(refreshToken);
        } catch (GatehouseException e) {
            events.record(AuthEvent.failure(AuthEventType.TOKEN_REFRESH, e.code()).client(client));
            throw e;
        }
    }

    private GatehouseException refreshFailure(RefreshTokenClaims claims, ClientInfo client, ErrorCode code, String detail) {
        events.record(AuthEvent.failure(AuthEventType.TOKEN_REFRESH, code).user(claims.userId()).client(client).jti(claims.jti()));
        return new GatehouseException(code, detail);
    }

    private Rotation rotate(EntityManager em, RefreshTokenClaims claims, ClientInfo client) {
        // The row lock makes concurrent refreshes of one token queue up: the first rotates it and
        // every later one finds it rotated, which is reuse unless the grace period applies.
        RefreshToken current = em.find(RefreshToken.class, claims.jti(), LockModeType.PESSIMISTIC_WRITE);
        if (current == null || !current.userId().equals(claims.userId()) || !current.familyId().equals(claims.familyId())) {
            return Rotation.of(Outcome.UNKNOWN);
        }
        Instant now = issuer.now();
        if (!current.isRevoked()) {
            return rotateActive(em, current, client, now, Outcome.ROTATED);
        }
        if (current.revokeReason() != RevocationReason.ROTATED) {
            return Rotation.of(Outcome.REVOKED);
        }

        RefreshToken successor = graceSuccessor(em, current, now);
        if (successor != null) {
            return rotateActive(em, successor, client, now, Outcome.GRACE_RETRY);
        }
        SessionRevocation.Result revoked = revocation.revokeFamily(em, current.familyId(), RevocationReason.REUSE_DETECTED, now);
        return new Rotation(Outcome.REUSED, null, null, null, revoked);
    }

    /**
     * Returns the still-valid successor of a token rotated less than the grace period ago, locked
     * for rotation, or null when the retry is reuse. Only the most recent rotation qualifies: a
     * token two rotations old has no valid successor.
     */
    private RefreshToken graceSuccessor(EntityManager em, RefreshToken rotated, Instant now) {
        if (!now.isBefore(rotated.revokedAt().plus(reuseGracePeriod)) || rotated.replacedBy() == null) {
            return null;
        }
        RefreshToken successor = em.find(RefreshToken.class, rotated.replacedBy(), LockModeType.PESSIMISTIC_WRITE);
        return successor == null || successor.isRevoked() ? null : successor;
    }

    private Rotation rotateActive(EntityManager em, RefreshToken current, ClientInfo client, Instant now, Outcome outcome) {
        User user = users.findById(em, current.userId()).filter(User::isEnabled).orElse(null);
        if (user == null) {
            SessionRevocation.Result revoked = revocation.revokeFamily(em, current.familyId(), RevocationReason.ACCOUNT_DISABLED, now);
            return new Rotation(Outcome.REVOKED, null, null, null, revoked);
        }
        RefreshToken successor = new RefreshToken(current.familyId(), user.id(), now, issuer.refreshExpiry(now), client);
        TokenPair tokens = sign(user, successor);
        em.persist(successor);
        current.rotateTo(successor, now);
        return new Rotation(outcome, current.jti(), successor, tokens, SessionRevocation.Result.NONE);
    }

    /**
     * Ends the session that the refresh token belongs to and denylists its live access tokens.
     * An expired token ends nothing, because its session can no longer be refreshed.
     *
     * @throws GatehouseException {@code INVALID_TOKEN} when the token is not genuine
     */
    public void logout(String refreshToken, ClientInfo client) {
        RefreshTokenClaims claims;
        try {
            claims = refreshVerifier.verify(refreshToken);
        } catch (GatehouseException e) {
            if (e.code() == ErrorCode.TOKEN_EXPIRED) {
                return;
            }
            events.record(AuthEvent.failure(AuthEventType.LOGOUT, e.code()).client(client));
            throw e;
        }
        int revoked = revocation.revokeFamily(claims.familyId(), RevocationReason.LOGOUT, issuer.now());
        LOG.info("Logged out session {} of user {} ({} refresh tokens revoked)", claims.familyId(), claims.userId(), revoked);
        events.record(AuthEvent.success(AuthEventType.LOGOUT).user(claims.userId()).client(client)
                .jti(claims.jti()).detail("session=" + claims.familyId()));
    }

    private TokenPair sign(User user, RefreshToken token) {
        IssuedToken access = issuer.issueAccessToken(user.id(), user.email(), user.role().name(),
                user.effectivePermissions(), token.familyId());
        token.recordAccessToken(UUID.fromString(access.jti()), access.expiresAt());
        IssuedToken refresh = issuer.issueRefreshToken(user.id(), token.jti(), token.familyId(), token.issuedAt(), token.expiresAt());
        return new TokenPair(access, refresh);
    }

    private enum Outcome { ROTATED, GRACE_RETRY, REUSED, REVOKED, UNKNOWN }

    /**
     * @param rotated the jti of the refresh token that was rotated: the presented one, or on a
     *     grace-period retry its successor
     */
    private record Rotation(Outcome outcome, UUID rotated, RefreshToken successor, TokenPair tokens,
            SessionRevocation.Result revoked) {

        static Rotation of(Outcome outcome) {
            return new Rotation(outcome, null, null, null, SessionRevocation.Result.NONE);
        }
    }
}
