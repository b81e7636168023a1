package io.gatehouse.audit;

import io.gatehouse.lockout.LockoutService;
import io.gatehouse.error.ErrorCode;
import io.gatehouse.error.GatehouseException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Builds the {@link SecurityReport} from stored events. Suspicious addresses and accounts come
 * from running the detector over the report's range, so they match the events the report counts.
 */
public final class SecurityReportService {

    /** Ranges with more events than this are rejected rather than loaded into memory. */
    static final int MAX_EVENTS = 500_000;
    static final Duration MAX_RANGE = Duration.ofDays(93);
    private static final int TOP = 10;

    private final AuthEventStore store;
    private final SuspiciousActivityDetector detector;
    private final LongSupplier activeSessions;
    private final Supplier<LockoutService.CurrentLocks> lockedLogins;

    public SecurityReportService(AuthEventStore store, DetectionThresholds thresholds, LongSupplier activeSessions,
            Supplier<LockoutService.CurrentLocks> lockedLogins) {
        this.store = store;
        this.detector = new SuspiciousActivityDetector(thresholds);
        this.activeSessions = activeSessions;
        this.lockedLogins = lockedLogins;
    }

    /**
     * @throws GatehouseException {@code MALFORMED_REQUEST} when {@code to} is not after
     *     {@code from} or the range is longer than 93 days
     */
    public SecurityReport report(Instant from, Instant to) {
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw new GatehouseException(ErrorCode.MALFORMED_REQUEST,
                    "'to' must be after 'from' and the range at most " + MAX_RANGE.toDays() + " days.");
        }
        List<AuthEvent> events = store.between(from, to, MAX_EVENTS);

        Map<String, Long> totals = new LinkedHashMap<>();
        for (AuthEventType type : AuthEventType.values()) {
            totals.put(type.wireName(), 0L);
        }
        events.forEach(event -> totals.merge(event.type().wireName(), 1L, Long::sum));
        long logins = totals.get(AuthEventType.LOGIN.wireName());
        long failures = totals.get(AuthEventType.LOGIN_FAILURE.wireName());
        double failureRate = logins + failures == 0 ? 0 : (double) failures / (logins + failures);

        List<SuspiciousActivity> findings = detector.detect(events, earlierUserAgents(events, from));
        return new SecurityReport(from, to, totals, logins, failures, failureRate, topFailureCodes(events),
                suspiciousIps(findings), suspiciousAccounts(findings), activeSessions.getAsLong(), lockedLogins.get(),
                hourly(events, from, to));
    }

    private Map<UUID, Set<String>> earlierUserAgents(List<AuthEvent> events, Instant from) {
        Set<UUID> users = events.stream().map(AuthEvent::userId).filter(Objects::nonNull).collect(Collectors.toSet());
        return store.loginUserAgentsBefore(from, users);
    }

    private static List<SecurityReport.CodeCount> topFailureCodes(List<AuthEvent> events) {
        Map<String, Long> counts = events.stream()
                .filter(event -> !event.success() && event.errorCode() != null)
                .collect(Collectors.groupingBy(AuthEvent::errorCode, TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(TOP)
                .map(entry -> new SecurityReport.CodeCount(entry.getKey(), entry.getValue()))
                .toList();
    }

    private static List<SecurityReport.SuspiciousIp> suspiciousIps(List<SuspiciousActivity> findings) {
        return group(findings, SuspiciousActivity::clientIp).entrySet().stream()
                .map(entry -> new SecurityReport.SuspiciousIp(entry.getKey(), entry.getValue().size(), reasons(entry.getValue())))
                .sorted(Comparator.comparingLong(SecurityReport.SuspiciousIp::findings).reversed()
                        .thenComparing(SecurityReport.SuspiciousIp::ip))
                .limit(TOP)
                .toList();
    }

    private static List<SecurityReport.SuspiciousAccount> suspiciousAccounts(List<SuspiciousActivity> findings) {
        return group(findings, SuspiciousActivity::userId).entrySet().stream()
                .map(entry -> new SecurityReport.SuspiciousAccount(entry.getKey(), entry.getValue().size(), reasons(entry.getValue())))
                .sorted(Comparator.comparingLong(SecurityReport.SuspiciousAccount::findings).reversed()
                        .thenComparing(account -> account.userId().toString()))
                .limit(TOP)
                .toList();
    }

    private static <K> Map<K, List<SuspiciousActivity>> group(List<SuspiciousActivity> findings, Function<SuspiciousActivity, K> key) {
        Map<K, List<SuspiciousActivity>> groups = new HashMap<>();
        for (SuspiciousActivity finding : findings) {
            K value = key.apply(finding);
            if (value != null) {
                groups.computeIfAbsent(value, k -> new ArrayList<>()).add(finding);
            }
        }
        return groups;
    }

    private static List<String> reasons(List<SuspiciousActivity> findings) {
        return List.copyOf(findings.stream().map(finding -> finding.rule().wireName()).collect(Collectors.toCollection(TreeSet::new)));
    }

    private static List<SecurityReport.HourlyCount> hourly(List<AuthEvent> events, Instant from, Instant to) {
        Map<Instant, long[]> buckets = new LinkedHashMap<>();
        for (Instant hour = from.truncatedTo(ChronoUnit.HOURS); hour.isBefore(to); hour = hour.plus(1, ChronoUnit.HOURS)) {
            buckets.put(hour, new long[2]);
        }
        for (AuthEvent event : events) {
            long[] bucket = buckets.get(event.occurredAt().truncatedTo(ChronoUnit.HOURS));
            if (event.type() == AuthEventType.LOGIN) {
                bucket[0]++;
            } else if (event.type() == AuthEventType.LOGIN_FAILURE) {
                bucket[1]++;
            }
        }
        List<SecurityReport.HourlyCount> series = new ArrayList<>();
        buckets.forEach((hour, counts) -> series.add(new SecurityReport.HourlyCount(hour, counts[0], counts[1])));
        return series;
    }
}
