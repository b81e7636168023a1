package io.gatehouse.session;

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
 * (RFC 9700 section 4.14.2, refresh token rotation).
 */
public final class SessionService {

    private static final Logger LOG = LogManager.getLogger(SessionService.class);

    private final Database database;
    private final UserRepository users;
    private final TokenIssuer issuer;
    private final RefreshTokenVerifier refreshVerifier;

    public SessionService(Database database, UserRepository users, TokenIssuer issuer, RefreshTokenVerifier refreshVerifier) {
        this.database = database;
        this.users = users;
        this.issuer = issuer;
        this.refreshVerifier = refreshVerifier;
    }

    /** Starts a new token family for a user who has just proven their credentials. */
    public TokenPair start(User user, ClientInfo client) {
        Instant now = issuer.now();
        RefreshToken token = new RefreshToken(UUID.randomUUID(), user.id(), now, issuer.refreshExpiry(now), client);
        database.runInTransaction(em -> em.persist(token));
        LOG.info("Started session {} for user {} with refresh token {}", token.familyId(), user.id(), token.jti());
        return sign(user, token);
    }

    /**
     * Exchanges a refresh token for a new pair. The user's role and permissions are read afresh,
     * so changes to them take effect here.
     *
     * @throws GatehouseException {@code INVALID_TOKEN}, {@code TOKEN_EXPIRED}, {@code TOKEN_REVOKED}
     *     or {@code TOKEN_REUSED}
     */
    public TokenPair refresh(String refreshToken, ClientInfo client) {
        RefreshTokenClaims claims = refreshVerifier.verify(refreshToken);

        // The family revocation on reuse must commit, so the transaction returns an outcome and
        // the exception is thrown only after it.
        Rotation rotation = database.inTransaction(em -> rotate(em, claims, client));

        return switch (rotation.outcome()) {
            case ROTATED -> {
                LOG.info("Rotated refresh token {} to {} in session {} for user {}",
                        claims.jti(), rotation.successor().jti(), claims.familyId(), claims.userId());
                yield sign(rotation.user(), rotation.successor());
            }
            case REUSED -> {
                LOG.warn("Refresh token {} of user {} was reused; revoked session {}",
                        claims.jti(), claims.userId(), claims.familyId());
                throw new GatehouseException(ErrorCode.TOKEN_REUSED,
                        "This refresh token was already used. The session has been ended; log in again.");
            }
            case REVOKED -> throw new GatehouseException(ErrorCode.TOKEN_REVOKED, "The refresh token has been revoked.");
            case UNKNOWN -> {
                LOG.debug("Refresh token {} has no matching record", claims.jti());
                throw new GatehouseException(ErrorCode.INVALID_TOKEN, "The refresh token is invalid.");
            }
        };
    }

    private Rotation rotate(EntityManager em, RefreshTokenClaims claims, ClientInfo client) {
        // The row lock makes concurrent refreshes of one token queue up: the first rotates it and
        // every later one finds it rotated, which is reuse.
        RefreshToken current = em.find(RefreshToken.class, claims.jti(), LockModeType.PESSIMISTIC_WRITE);
        if (current == null || !current.userId().equals(claims.userId()) || !current.familyId().equals(claims.familyId())) {
            return Rotation.of(Outcome.UNKNOWN);
        }
        Instant now = issuer.now();
        if (current.isRevoked()) {
            if (current.revokeReason() != RevocationReason.ROTATED) {
                return Rotation.of(Outcome.REVOKED);
            }
            revokeFamily(em, current.familyId(), RevocationReason.REUSE_DETECTED, now);
            return Rotation.of(Outcome.REUSED);
        }

        User user = users.findById(em, current.userId()).filter(User::isEnabled).orElse(null);
        if (user == null) {
            revokeFamily(em, current.familyId(), RevocationReason.ACCOUNT_DISABLED, now);
            return Rotation.of(Outcome.REVOKED);
        }
        RefreshToken successor = new RefreshToken(current.familyId(), user.id(), now, issuer.refreshExpiry(now), client);
        em.persist(successor);
        current.rotateTo(successor, now);
        return new Rotation(Outcome.ROTATED, user, successor);
    }

    /**
     * Ends the session that the refresh token belongs to. An expired token ends nothing, because
     * its session can no longer be refreshed.
     *
     * @throws GatehouseException {@code INVALID_TOKEN} when the token is not genuine
     */
    public void logout(String refreshToken) {
        RefreshTokenClaims claims;
        try {
            claims = refreshVerifier.verify(refreshToken);
        } catch (GatehouseException e) {
            if (e.code() == ErrorCode.TOKEN_EXPIRED) {
                return;
            }
            throw e;
        }
        int revoked = database.inTransaction(em -> revokeFamily(em, claims.familyId(), RevocationReason.LOGOUT, issuer.now()));
        LOG.info("Logged out session {} of user {} ({} refresh tokens revoked)", claims.familyId(), claims.userId(), revoked);
    }

    private static int revokeFamily(EntityManager em, UUID familyId, RevocationReason reason, Instant now) {
        return em.createQuery("""
                        update RefreshToken t set t.revokedAt = :now, t.revokeReason = :reason
                        where t.familyId = :family and t.revokedAt is null""")
                .setParameter("now", now)
                .setParameter("reason", reason)
                .setParameter("family", familyId)
                .executeUpdate();
    }

    private TokenPair sign(User user, RefreshToken token) {
        IssuedToken access = issuer.issueAccessToken(user.id(), user.email(), user.role().name(), user.effectivePermissions());
        IssuedToken refresh = issuer.issueRefreshToken(user.id(), token.jti(), token.familyId(), token.issuedAt(), token.expiresAt());
        return new TokenPair(access, refresh);
    }

    private enum Outcome { ROTATED, REUSED, REVOKED, UNKNOWN }

    private record Rotation(Outcome outcome, User user, RefreshToken successor) {

        static Rotation of(Outcome outcome) {
            return new Rotation(outcome, null, null);
        }
    }
}
