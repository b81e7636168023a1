package io.gatehouse.audit;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Finds suspicious patterns in a time-ordered list of stored auth events, which include the
 * traffic of every node. Failed-login rules count events inside a sliding window that ends at each
 * new failure. A rule fires when its threshold is reached and then stays quiet for the same
 * subject until a whole window has passed, so a long attack gives one finding per window instead
 * of one per request.
 *
 * <p>This class keeps no state between calls and does no I/O.
 */
public final class SuspiciousActivityDetector {

    private final DetectionThresholds thresholds;

    public SuspiciousActivityDetector(DetectionThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /**
     * Returns the findings in the order their last event occurred.
     *
     * @param events auth events sorted by time, oldest first
     * @param earlierUserAgents per account, the User-Agents of its successful logins before the
     *     first event. A login with another User-Agent is flagged. An account's first login is not.
     */
    public List<SuspiciousActivity> detect(List<AuthEvent> events, Map<UUID, Set<String>> earlierUserAgents) {
        Scan scan = new Scan(earlierUserAgents);
        for (AuthEvent event : events) {
            switch (event.type()) {
                case LOGIN_FAILURE -> scan.loginFailure(event);
                case LOGIN -> scan.login(event);
                case REFRESH_REUSE_DETECTED -> scan.findings.add(new SuspiciousActivity(
                        SuspicionRule.REFRESH_REUSE, event.occurredAt(), event.clientIp(), event.userId(), 1));
                default -> {
                    // Other event types take part in no rule.
                }
            }
        }
        return scan.findings;
    }

    /** The working state of one {@link #detect} call. */
    private final class Scan {

        private final List<SuspiciousActivity> findings = new ArrayList<>();
        private final Map<String, Deque<AuthEvent>> failuresByIp = new HashMap<>();
        private final Map<UUID, Deque<AuthEvent>> failuresByAccount = new HashMap<>();
        private final Map<String, Instant> lastFinding = new HashMap<>();
        private final Map<UUID, Set<String>> userAgents = new HashMap<>();

        Scan(Map<UUID, Set<String>> earlierUserAgents) {
            earlierUserAgents.forEach((user, agents) -> userAgents.put(user, new HashSet<>(agents)));
        }

        void loginFailure(AuthEvent event) {
            if (event.clientIp() != null) {
                Deque<AuthEvent> byIp = window(failuresByIp, event.clientIp(), event);
                fireOncePerWindow(SuspicionRule.IP_FAILURES, event, byIp.size(), thresholds.ipFailures(), event.clientIp(), null);
                int accounts = distinct(byIp, SuspiciousActivityDetector::accountKey);
                fireOncePerWindow(SuspicionRule.CREDENTIAL_STUFFING, event, accounts, thresholds.distinctAccounts(),
                        event.clientIp(), null);
            }
            if (event.userId() != null) {
                Deque<AuthEvent> byAccount = window(failuresByAccount, event.userId(), event);
                int addresses = distinct(byAccount, AuthEvent::clientIp);
                fireOncePerWindow(SuspicionRule.DISTRIBUTED_ATTACK, event, addresses, thresholds.distinctIps(), null,
                        event.userId());
            }
        }

        void login(AuthEvent event) {
            UUID user = event.userId();
            if (user == null) {
                return;
            }
            Deque<AuthEvent> failures = failuresByAccount.get(user);
            if (failures != null) {
                dropBefore(failures, event.occurredAt().minus(thresholds.window()));
                if (failures.size() >= thresholds.failureBurst()) {
                    findings.add(new SuspiciousActivity(SuspicionRule.SUCCESS_AFTER_FAILURES, event.occurredAt(),
                            event.clientIp(), user, failures.size()));
                }
                // The success ends the burst: later successes are not flagged for the same failures.
                failures.clear();
            }

            String agent = Objects.toString(event.userAgent(), "");
            Set<String> known = userAgents.computeIfAbsent(user, id -> new HashSet<>());
            if (!known.isEmpty() && !known.contains(agent)) {
                findings.add(new SuspiciousActivity(SuspicionRule.NEW_USER_AGENT, event.occurredAt(), event.clientIp(), user, 1));
            }
            known.add(agent);
        }

        private <K> Deque<AuthEvent> window(Map<K, Deque<AuthEvent>> windows, K key, AuthEvent event) {
            Deque<AuthEvent> window = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
            window.addLast(event);
            dropBefore(window, event.occurredAt().minus(thresholds.window()));
            return window;
        }

        private void fireOncePerWindow(SuspicionRule rule, AuthEvent event, int count, int threshold, String ip, UUID user) {
            if (count < threshold) {
                return;
            }
            String key = rule + "|" + ip + "|" + user;
            Instant previous = lastFinding.get(key);
            if (previous != null && !previous.isBefore(event.occurredAt().minus(thresholds.window()))) {
                return;
            }
            lastFinding.put(key, event.occurredAt());
            findings.add(new SuspiciousActivity(rule, event.occurredAt(), ip, user, count));
        }
    }

    private static void dropBefore(Deque<AuthEvent> window, Instant start) {
        while (!window.isEmpty() && window.peekFirst().occurredAt().isBefore(start)) {
            window.removeFirst();
        }
    }

    private static <T> int distinct(Deque<AuthEvent> window, Function<AuthEvent, T> key) {
        Set<T> keys = new HashSet<>();
        for (AuthEvent event : window) {
            T value = key.apply(event);
            if (value != null) {
                keys.add(value);
            }
        }
        return keys.size();
    }

    /** Returns the account a failed login targeted: its user id, or the pseudonymous key of an unknown email. */
    private static String accountKey(AuthEvent event) {
        if (event.userId() != null) {
            return event.userId().toString();
        }
        String detail = event.detail();
        return detail != null && detail.startsWith(AuthEvent.UNKNOWN_ACCOUNT_PREFIX) ? detail : null;
    }
}
