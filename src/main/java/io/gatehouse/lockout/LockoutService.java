package io.gatehouse.lockout;

import io.gatehouse.error.ErrorCode;
import io.gatehouse.error.GatehouseException;
import io.gatehouse.persistence.Database;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Locks a login subject after a run of consecutive failures.
 *
 * <p>Accounts are tracked by email key even when no account has that email, so a locked
 * existing account and a hammered unknown email get the same response, and the lock reveals
 * nothing about which accounts exist.
 */
public final class LockoutService {

    private static final Logger LOG = LogManager.getLogger(LockoutService.class);
    private static final String ACCOUNT_PREFIX = "account:";
    private static final String DEVICE_PREFIX = "device:";

    private final Database database;
    private final Clock clock;
    private final Duration lockDuration;

    public LockoutService(Database database, Clock clock, Duration lockDuration) {
        this.database = database;
        this.clock = clock;
        this.lockDuration = lockDuration;
    }

    public static String accountSubject(String emailKey) {
        return ACCOUNT_PREFIX + emailKey;
    }

    public static String deviceSubject(String deviceId) {
        return DEVICE_PREFIX + deviceId;
    }

    /** @throws GatehouseException {@code ACCOUNT_LOCKED} with {@code Retry-After} while the subject is locked */
    public void requireUnlocked(String subject) {
        Instant now = clock.instant();
        LoginThrottle throttle = database.inTransaction(em -> em.find(LoginThrottle.class, subject));
        if (throttle != null && throttle.isLockedAt(now)) {
            throw locked(Duration.between(now, throttle.lockedUntil()));
        }
    }

    /** Counts a failed login and returns whether the subject became locked by it. */
    public boolean recordFailure(String subject, int maxFailures) {
        try {
            return database.inTransaction(em -> recordFailure(em, subject, maxFailures));
        } catch (PersistenceException e) {
            // Two first failures raced to insert the row; the second attempt finds it.
            LOG.debug("Retrying failure count for a login subject after a concurrent insert: {}", e.toString());
            return database.inTransaction(em -> recordFailure(em, subject, maxFailures));
        }
    }

    private boolean recordFailure(EntityManager em, String subject, int maxFailures) {
        LoginThrottle throttle = em.find(LoginThrottle.class, subject, LockModeType.PESSIMISTIC_WRITE);
        if (throttle == null) {
            throttle = new LoginThrottle(subject);
            em.persist(throttle);
        }
        boolean lockedNow = throttle.recordFailure(clock.instant(), maxFailures, lockDuration);
        em.flush();
        return lockedNow;
    }

    /** Clears the failure count and any lock of the subject after a successful login. */
    public void reset(String subject) {
        database.runInTransaction(em -> em.createQuery("delete from LoginThrottle t where t.subject = :subject")
                .setParameter("subject", subject)
                .executeUpdate());
    }

    private static GatehouseException locked(Duration remaining) {
        long seconds = Math.max(1, remaining.toSeconds() + (remaining.toNanosPart() > 0 ? 1 : 0));
        return GatehouseException.retryLater(ErrorCode.ACCOUNT_LOCKED,
                "Too many failed logins. Login for this account is locked until the time given in Retry-After.", seconds);
    }
}
