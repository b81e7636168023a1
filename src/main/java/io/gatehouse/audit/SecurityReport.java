package io.gatehouse.audit;

import io.gatehouse.lockout.LockoutService;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Figures computed from the auth events stored in {@code [from, to)}.
 *
 * @param totals the number of events of each type, every type listed, zero included
 * @param logins successful logins
 * @param loginFailures failed logins
 * @param failureRate loginFailures divided by all login attempts, 0 when there were none
 * @param topFailureCodes error codes of failed events of any type, most frequent first
 * @param suspiciousIps addresses with findings of the detector over this range, most findings first
 * @param suspiciousAccounts accounts with findings of the detector over this range, most findings first
 * @param activeSessions sessions active now, whatever the range
 * @param lockedLogins logins locked now, whatever the range
 * @param hourly logins and failed logins per hour, one entry per hour of the range, oldest first
 */
public record SecurityReport(Instant from, Instant to, Map<String, Long> totals, long logins, long loginFailures,
        double failureRate, List<CodeCount> topFailureCodes, List<SuspiciousIp> suspiciousIps,
        List<SuspiciousAccount> suspiciousAccounts, long activeSessions, LockoutService.CurrentLocks lockedLogins,
        List<HourlyCount> hourly) {

    public record CodeCount(String code, long count) {
    }

    /** @param reasons the distinct rules that fired for the address, sorted */
    public record SuspiciousIp(String ip, long findings, List<String> reasons) {
    }

    /** @param reasons the distinct rules that fired for the account, sorted */
    public record SuspiciousAccount(UUID userId, long findings, List<String> reasons) {
    }

    /** @param hour the start of the hour */
    public record HourlyCount(Instant hour, long logins, long failures) {
    }
}
