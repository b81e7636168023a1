package io.gatehouse.lockout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * Consecutive failed logins of one subject: an account, by its email key, whether or not the
 * account exists, or a trusted device. Keeping the row in the database makes the count survive
 * restarts and apply on every node.
 *
 * <p>NOTE: nothing deletes rows yet, not even those of unknown emails, so the table grows with
 * every distinct email that ever failed; the login rate limits bound how fast.
 */
@Entity
@Table(name = "login_throttle")
public class LoginThrottle {

    @Id
    @Column(name = "subject")
    private String subject;

    @Column(name = "failed_count")
    private int failedCount;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "last_failure_at")
    private Instant lastFailureAt;

    protected LoginThrottle() {
    }

    LoginThrottle(String subject) {
        this.subject = subject;
    }

    boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    Instant lockedUntil() {
        return lockedUntil;
    }

    /** Counts a failure and returns whether it locked the subject just now. */
    boolean recordFailure(Instant now, int maxFailures, Duration lockDuration) {
        if (lockedUntil != null && !lockedUntil.isAfter(now)) {
            // The previous lock has run out: the next lock needs a full run of failures again.
            lockedUntil = null;
            failedCount = 0;
        }
        failedCount++;
        lastFailureAt = now;
        if (failedCount < maxFailures) {
            return false;
        }
        lockedUntil = now.plus(lockDuration);
        failedCount = 0;
        return true;
    }
}
