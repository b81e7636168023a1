package io.gatehouse.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.error.ErrorCode;
import io.gatehouse.web.ClientInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SuspiciousActivityDetectorTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final UUID ALICE = UUID.randomUUID();
    private static final UUID BOB = UUID.randomUUID();

    private final SuspiciousActivityDetector detector =
            new SuspiciousActivityDetector(new DetectionThresholds(WINDOW, 3, 3, 3, 2));
    private final List<AuthEvent> events = new ArrayList<>();

    private void failure(int minute, String ip, UUID user) {
        events.add(AuthEvent.failure(AuthEventType.LOGIN_FAILURE, ErrorCode.INVALID_CREDENTIALS)
                .user(user).client(new ClientInfo(ip, "agent")).build(START.plus(Duration.ofMinutes(minute))));
    }

    private void unknownAccountFailure(int minute, String ip, String email) {
        events.add(AuthEvent.failure(AuthEventType.LOGIN_FAILURE, ErrorCode.INVALID_CREDENTIALS)
                .client(new ClientInfo(ip, "agent")).detail(AuthEvent.unknownAccountDetail(email))
                .build(START.plus(Duration.ofMinutes(minute))));
    }

    private void login(int minute, String ip, UUID user, String agent) {
        events.add(AuthEvent.success(AuthEventType.LOGIN).user(user).client(new ClientInfo(ip, agent))
                .build(START.plus(Duration.ofMinutes(minute))));
    }

    private List<SuspiciousActivity> detect() {
        return detector.detect(events, Map.of());
    }

    private List<SuspicionRule> rules() {
        return detect().stream().map(SuspiciousActivity::rule).toList();
    }

    @Test
    void ipFailuresAtThresholdFlagged() {
        failure(0, "10.0.0.1", ALICE);
        failure(1, "10.0.0.1", ALICE);
        failure(2, "10.0.0.1", ALICE);
        failure(3, "10.0.0.1", ALICE);

        List<SuspiciousActivity> found = detect().stream().filter(f -> f.rule() == SuspicionRule.IP_FAILURES).toList();

        assertThat(found).hasSize(1);
        assertThat(found.get(0).clientIp()).isEqualTo("10.0.0.1");
        assertThat(found.get(0).count()).isEqualTo(3);
        assertThat(found.get(0).occurredAt()).isEqualTo(START.plus(Duration.ofMinutes(2)));
    }

    @Test
    void ipFailuresOutsideWindowIgnored() {
        failure(0, "10.0.0.1", ALICE);
        failure(6, "10.0.0.1", ALICE);
        failure(12, "10.0.0.1", ALICE);

        assertThat(rules()).doesNotContain(SuspicionRule.IP_FAILURES);
    }

    @Test
    void longAttackFlaggedOncePerWindow() {
        for (int minute = 0; minute <= 24; minute++) {
            failure(minute, "10.0.0.1", ALICE);
        }

        assertThat(rules().stream().filter(rule -> rule == SuspicionRule.IP_FAILURES)).hasSize(3);
    }

    @Test
    void credentialStuffingFlagged() {
        failure(0, "10.0.0.2", ALICE);
        unknownAccountFailure(1, "10.0.0.2", "a@example.com");
        unknownAccountFailure(2, "10.0.0.2", "A@example.com ");
        assertThat(rules()).doesNotContain(SuspicionRule.CREDENTIAL_STUFFING);

        failure(3, "10.0.0.2", BOB);

        assertThat(rules()).contains(SuspicionRule.CREDENTIAL_STUFFING);
    }

    @Test
    void distributedAttackFlagged() {
        failure(0, "10.0.0.1", ALICE);
        failure(1, "10.0.0.2", ALICE);
        failure(2, "10.0.0.3", ALICE);

        List<SuspiciousActivity> found = detect().stream().filter(f -> f.rule() == SuspicionRule.DISTRIBUTED_ATTACK).toList();

        assertThat(found).hasSize(1);
        assertThat(found.get(0).userId()).isEqualTo(ALICE);
        assertThat(found.get(0).clientIp()).isNull();
    }

    @Test
    void successAfterBurstFlaggedOnce() {
        failure(0, "10.0.0.1", ALICE);
        failure(1, "10.0.0.1", ALICE);
        login(2, "10.0.0.1", ALICE, "agent");
        login(3, "10.0.0.1", ALICE, "agent");

        assertThat(rules().stream().filter(rule -> rule == SuspicionRule.SUCCESS_AFTER_FAILURES)).hasSize(1);
    }

    @Test
    void successAfterOldFailuresIgnored() {
        failure(0, "10.0.0.1", ALICE);
        failure(1, "10.0.0.1", ALICE);
        login(15, "10.0.0.1", ALICE, "agent");

        assertThat(rules()).doesNotContain(SuspicionRule.SUCCESS_AFTER_FAILURES);
    }

    @Test
    void newUserAgentFlaggedAfterFirstLogin() {
        login(0, "10.0.0.1", ALICE, "Firefox");
        login(1, "10.0.0.1", ALICE, "Firefox");
        login(2, "10.0.0.1", ALICE, "Chrome");

        List<SuspiciousActivity> found = detect();

        assertThat(found).extracting(SuspiciousActivity::rule).containsExactly(SuspicionRule.NEW_USER_AGENT);
        assertThat(found.get(0).occurredAt()).isEqualTo(START.plus(Duration.ofMinutes(2)));
    }

    @Test
    void newUserAgentUsesEarlierLogins() {
        login(0, "10.0.0.1", ALICE, "Chrome");

        assertThat(detector.detect(events, Map.of(ALICE, Set.of("Chrome")))).isEmpty();
        assertThat(detector.detect(events, Map.of(ALICE, Set.of("Firefox"))))
                .extracting(SuspiciousActivity::rule).containsExactly(SuspicionRule.NEW_USER_AGENT);
    }

    @Test
    void refreshReuseFlagged() {
        events.add(AuthEvent.failure(AuthEventType.REFRESH_REUSE_DETECTED, ErrorCode.TOKEN_REUSED)
                .user(BOB).client(new ClientInfo("10.0.0.9", "agent")).build(START));

        List<SuspiciousActivity> found = detect();

        assertThat(found).hasSize(1);
        assertThat(found.get(0).rule()).isEqualTo(SuspicionRule.REFRESH_REUSE);
        assertThat(found.get(0).userId()).isEqualTo(BOB);
        assertThat(found.get(0).clientIp()).isEqualTo("10.0.0.9");
    }

    @Test
    void unknownAccountKeyIgnoresCase() {
        assertThat(AuthEvent.unknownAccountDetail(" Someone@Example.com"))
                .isEqualTo(AuthEvent.unknownAccountDetail("someone@example.com"))
                .startsWith(AuthEvent.UNKNOWN_ACCOUNT_PREFIX)
                .doesNotContain("someone");
    }
}
