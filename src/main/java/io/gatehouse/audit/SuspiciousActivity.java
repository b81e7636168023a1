package io.gatehouse.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One detected pattern.
 *
 * @param occurredAt the time of the event that completed the pattern
 * @param clientIp the address involved, or null when the pattern concerns an account only
 * @param userId the account involved, or null when the pattern concerns an address only
 * @param count the number of events, accounts or addresses that crossed the threshold
 */
public record SuspiciousActivity(SuspicionRule rule, Instant occurredAt, String clientIp, UUID userId, int count) {

    /** Returns the detail text of the {@code suspicious_activity} event that records this finding. */
    public String detail() {
        return "rule=" + rule.wireName() + " count=" + count;
    }
}
