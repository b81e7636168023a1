package io.gatehouse.session;

import io.gatehouse.persistence.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.ObjLongConsumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Deletes rows that no longer serve a purpose: expired refresh tokens, denylist entries whose
 * token has expired, and auth events older than the retention period. Token rows are kept for the
 * allowed clock skew past their expiry, because the verifiers accept a token that long. Each table is deleted from
 * in batches of {@code batchSize} rows per transaction, so a large backlog never holds a long lock.
 */
public final class ExpiredRecordCleanup {

    private static final Logger LOG = LogManager.getLogger(ExpiredRecordCleanup.class);

    private final Database database;
    private final Clock clock;
    private final Duration eventRetention;
    private final Duration clockSkew;
    private final int batchSize;
    private final ObjLongConsumer<String> deletedCounter;

    /** @param deletedCounter receives each table name with the number of rows deleted from it */
    public ExpiredRecordCleanup(Database database, Clock clock, Duration eventRetention, Duration clockSkew, int batchSize,
            ObjLongConsumer<String> deletedCounter) {
        this.database = database;
        this.clock = clock;
        this.eventRetention = eventRetention;
        this.clockSkew = clockSkew;
        this.batchSize = batchSize;
        this.deletedCounter = deletedCounter;
    }

    /** Runs one cleanup pass and logs what it removed. */
    public void run() {
        Instant now = clock.instant();
        Instant tokensExpiredBefore = now.minus(clockSkew);
        long refreshTokens = deleteInBatches("refresh_token",
                "select t.jti from RefreshToken t where t.expiresAt <= :cutoff",
                "delete from RefreshToken t where t.jti in :ids", tokensExpiredBefore);
        long denylisted = deleteInBatches("revoked_access_token",
                "select r.jti from RevokedAccessToken r where r.expiresAt <= :cutoff",
                "delete from RevokedAccessToken r where r.jti in :ids", tokensExpiredBefore);
        long events = deleteInBatches("auth_event",
                "select e.id from StoredAuthEvent e where e.occurredAt < :cutoff",
                "delete from StoredAuthEvent e where e.id in :ids", now.minus(eventRetention));
        if (refreshTokens + denylisted + events > 0) {
            LOG.info("Cleanup deleted {} expired refresh tokens, {} expired denylist entries and {} auth events older than {}",
                    refreshTokens, denylisted, events, eventRetention);
        } else {
            LOG.debug("Cleanup found nothing to delete");
        }
    }

    private long deleteInBatches(String table, String selectIds, String deleteIds, Instant cutoff) {
        long total = 0;
        int deleted;
        do {
            deleted = database.inTransaction(em -> {
                List<?> ids = em.createQuery(selectIds).setParameter("cutoff", cutoff).setMaxResults(batchSize).getResultList();
                return ids.isEmpty() ? 0 : em.createQuery(deleteIds).setParameter("ids", ids).executeUpdate();
            });
            total += deleted;
        } while (deleted == batchSize);
        if (total > 0) {
            deletedCounter.accept(table, total);
        }
        return total;
    }
}
