package io.gatehouse.session;

import io.gatehouse.persistence.Database;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Ends sessions: revokes refresh tokens and denylists the access tokens issued with them that
 * have not expired yet, in the same transaction, then adds those tokens to this node's denylist
 * cache. Callers that already run a transaction use the {@code EntityManager} variants and call
 * {@link #remember} once it has committed.
 */
public final class SessionRevocation {

    private final Database database;
    private final AccessTokenDenylist denylist;

    public SessionRevocation(Database database, AccessTokenDenylist denylist) {
        this.database = database;
        this.denylist = denylist;
    }

    /** Ends one session and returns the number of refresh tokens revoked. */
    public int revokeFamily(UUID familyId, RevocationReason reason, Instant now) {
        Result result = database.inTransaction(em -> revokeFamily(em, familyId, reason, now));
        remember(result);
        return result.refreshTokens();
    }

    /** Ends every session of a user and returns the number of refresh tokens revoked. */
    public int revokeUser(UUID userId, RevocationReason reason, Instant now) {
        Result result = database.inTransaction(em -> revokeUser(em, userId, reason, now));
        remember(result);
        return result.refreshTokens();
    }

    Result revokeFamily(EntityManager em, UUID familyId, RevocationReason reason, Instant now) {
        return revokeWhere(em, "familyId", familyId, reason, now);
    }

    Result revokeUser(EntityManager em, UUID userId, RevocationReason reason, Instant now) {
        return revokeWhere(em, "userId", userId, reason, now);
    }

    /**
     * Revokes the unrevoked refresh tokens whose {@code scope} property equals {@code id} and
     * denylists their live access tokens.
     *
     * @param scope {@code familyId} or {@code userId}; a constant, never caller input
     */
    private Result revokeWhere(EntityManager em, String scope, UUID id, RevocationReason reason, Instant now) {
        int revoked = em.createQuery("update RefreshToken t set t.revokedAt = :now, t.revokeReason = :reason"
                        + " where t." + scope + " = :id and t.revokedAt is null")
                .setParameter("now", now)
                .setParameter("reason", reason)
                .setParameter("id", id)
                .executeUpdate();
        List<LiveAccessToken> live = em.createQuery(
                        "select new io.gatehouse.session.LiveAccessToken(t.accessJti, t.userId, t.accessExpiresAt)"
                                + " from RefreshToken t where t." + scope + " = :id"
                                + " and t.accessJti is not null and t.accessExpiresAt > :live", LiveAccessToken.class)
                .setParameter("id", id)
                .setParameter("live", denylist.oldestAcceptedExpiry(now))
                .getResultList();
        denylist.persist(em, live);
        return new Result(revoked, live);
    }

    /** Adds the denylisted tokens of a committed revocation to this node's cache. */
    void remember(Result result) {
        denylist.remember(result.accessTokens());
    }

    /** The outcome of one revocation: the refresh tokens revoked and the access tokens denylisted. */
    record Result(int refreshTokens, List<LiveAccessToken> accessTokens) {

        static final Result NONE = new Result(0, List.of());
    }
}
