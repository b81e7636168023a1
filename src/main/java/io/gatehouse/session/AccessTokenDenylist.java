package io.gatehouse.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.gatehouse.persistence.Database;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Access tokens revoked before their expiry, checked on every authenticated request.
 *
 * <p>The database table is the shared record; each node keeps every unexpired entry in a Caffeine
 * cache, so {@link #isRevoked} reads memory only. A revocation on this node enters the cache as
 * soon as its transaction commits. Other nodes see it when they next {@link #reload}, which the
 * scheduler runs every {@code gatehouse.session.denylist-refresh-interval}: that interval is the
 * worst-case delay before a revoked token is rejected everywhere. Each entry is kept until its
 * token's expiry plus the allowed clock skew, because until then the verifier still accepts the token.
 */
public final class AccessTokenDenylist {

    private static final Logger LOG = LogManager.getLogger(AccessTokenDenylist.class);

    private final Database database;
    private final Clock clock;
    private final Duration clockSkew;
    private final Cache<String, Instant> revoked;

    /** @param clockSkew the {@code jwt.clock-skew} the verifier allows past a token's expiry */
    public AccessTokenDenylist(Database database, Clock clock, Duration clockSkew) {
        this.database = database;
        this.clock = clock;
        this.clockSkew = clockSkew;
        this.revoked = Caffeine.newBuilder().expireAfter(new UntilTokenExpiry(clock, clockSkew)).build();
    }

    /** Returns whether the access token with this {@code jti} was revoked. Reads memory only. */
    public boolean isRevoked(String jti) {
        return jti != null && revoked.getIfPresent(jti) != null;
    }

    /** Returns the earliest expiry a token can have and still pass verification at {@code now}. */
    Instant oldestAcceptedExpiry(Instant now) {
        return now.minus(clockSkew);
    }

    /** Writes entries for the tokens inside the caller's transaction; call {@link #remember} after it commits. */
    void persist(EntityManager em, Collection<LiveAccessToken> tokens) {
        Instant now = clock.instant();
        for (LiveAccessToken token : tokens) {
            if (em.find(RevokedAccessToken.class, token.jti()) == null) {
                em.persist(new RevokedAccessToken(token, now));
            }
        }
    }

    /** Adds committed entries to this node's cache, so the next request with one of the tokens fails. */
    void remember(Collection<LiveAccessToken> tokens) {
        for (LiveAccessToken token : tokens) {
            revoked.put(token.jti().toString(), token.expiresAt());
        }
    }

    /** Loads every unexpired entry from the database, including those written by other nodes. */
    public void reload() {
        Instant stillAccepted = clock.instant().minus(clockSkew);
        List<Object[]> rows = database.inTransaction(em -> em.createQuery(
                        "select r.jti, r.expiresAt from RevokedAccessToken r where r.expiresAt > :cutoff", Object[].class)
                .setParameter("cutoff", stillAccepted)
                .getResultList());
        for (Object[] row : rows) {
            revoked.put(((UUID) row[0]).toString(), (Instant) row[1]);
        }
        LOG.debug("Reloaded {} access-token denylist entries", rows.size());
    }

    /** Lets each entry expire from memory once the verifier would reject its token as expired. */
    private record UntilTokenExpiry(Clock clock, Duration clockSkew) implements Expiry<String, Instant> {

        @Override
        public long expireAfterCreate(String jti, Instant expiresAt, long currentTime) {
            return Math.max(0, Duration.between(clock.instant(), expiresAt.plus(clockSkew)).toNanos());
        }

        @Override
        public long expireAfterUpdate(String jti, Instant expiresAt, long currentTime, long currentDuration) {
            return expireAfterCreate(jti, expiresAt, currentTime);
        }

        @Override
        public long expireAfterRead(String jti, Instant expiresAt, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
