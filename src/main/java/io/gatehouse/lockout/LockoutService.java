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
import java.util.List;
import java.util.UUID;
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

    /**
     * Lifts the lock and clears the failure count of the account with this email key.
     *
     * @return whether the account was locked
     */
    public boolean unlockAccount(String emailKey) {
        Instant now = clock.instant();
        return database.inTransaction(em -> {
            LoginThrottle throttle = em.find(LoginThrottle.class, accountSubject(emailKey), LockModeType.PESSIMISTIC_WRITE);
            if (throttle == null) {
                return false;
            }
            boolean wasLocked = throttle.isLockedAt(now);
            em.remove(throttle);
            return wasLocked;
        });
    }

    /** Returns the logins locked right now: existing accounts by name, the rest as counts. */
    public CurrentLocks currentLocks() {
        Instant now = clock.instant();
        return database.inTransaction(em -> {
            List<LockedAccount> accounts = em.createQuery(
                            "select new io.gatehouse.lockout.LockoutService$LockedAccount(u.id, u.email, t.lockedUntil)"
                                    + " from LoginThrottle t, User u"
                                    + " where t.subject = concat('account:', u.emailKey) and t.lockedUntil > :now"
                                    + " order by t.lockedUntil", LockedAccount.class)
                    .setParameter("now", now)
                    .getResultList();
            long lockedEmails = countLocked(em, ACCOUNT_PREFIX, now);
            return new CurrentLocks(accounts, lockedEmails - accounts.size(), countLocked(em, DEVICE_PREFIX, now));
        });
    }

    private static long countLocked(EntityManager em, String prefix, Instant now) {
        return em.createQuery(
                        "select count(t) from LoginThrottle t where t.subject like :prefix and t.lockedUntil > :now", Long.class)
                .setParameter("prefix", prefix + "%")
                .setParameter("now", now)
                .getSingleResult();
    }

    /** An existing account whose login is locked until the given time. */
    public record LockedAccount(UUID userId, String email, Instant lockedUntil) {
    }

    /**
     * The logins locked at one moment.
     *
     * @param accounts existing accounts that are locked
     * @param unknownEmails locked email keys that match no account
     * @param devices locked trusted devices
     */
    public record CurrentLocks(List<LockedAccount> accounts, long unknownEmails, long devices) {
    }

    private static GatehouseException locked(Duration remaining) {
        long seconds = Math.max(1, remaining.toSeconds() + (remaining.toNanosPart() > 0 ? 1 : 0));
        return GatehouseException.retryLater(ErrorCode.ACCOUNT_LOCKED,
                "Too many failed logins. Login for this account is locked until the time given in Retry-After.", seconds);
    }
}
