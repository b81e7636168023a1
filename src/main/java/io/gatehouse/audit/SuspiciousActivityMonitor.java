package io.gatehouse.audit;

import io.gatehouse.web.ClientInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Runs the detector periodically over the stored events and records each new finding as a
 * {@code suspicious_activity} event dated at the event that completed the pattern.
 *
 * <p>A run covers the events since the previous run, plus one detection window before that so
 * the sliding windows start full. It first flushes the recorder, and it stops one second short
 * of now, so events stamped just before the run are not skipped while still queued.
 *
 * <p>Every node runs its own monitor. A finding that another node has already stored is skipped,
 * but two nodes that scan the same events within one flush interval of each other can both
 * record it. The high-water mark survives a restart because it is read back from the stored
 * {@code suspicious_activity} events.
 */
public final class SuspiciousActivityMonitor {

    private static final Logger LOG = LogManager.getLogger(SuspiciousActivityMonitor.class);
    private static final Duration QUEUE_MARGIN = Duration.ofSeconds(1);
    private static final int MAX_EVENTS_PER_RUN = 200_000;

    private final AuthEventStore store;
    private final AuthEventRecorder recorder;
    private final SuspiciousActivityDetector detector;
    private final Duration window;
    private final Clock clock;
    private Instant scannedUntil;

    public SuspiciousActivityMonitor(AuthEventStore store, AuthEventRecorder recorder, DetectionThresholds thresholds,
            Clock clock) {
        this.store = store;
        this.recorder = recorder;
        this.detector = new SuspiciousActivityDetector(thresholds);
        this.window = thresholds.window();
        this.clock = clock;
    }

    /** Scans the events since the previous run and records what it finds; runs on one thread only. */
    public void run() {
        recorder.flush();
        Instant horizon = clock.instant().minus(QUEUE_MARGIN);
        if (scannedUntil == null) {
            scannedUntil = store.latestSuspiciousActivity().orElse(horizon.minus(window));
        }
        if (!horizon.isAfter(scannedUntil)) {
            return;
        }

        Instant from = scannedUntil.minus(window);
        List<AuthEvent> events = store.between(from, horizon, MAX_EVENTS_PER_RUN);
        Set<UUID> users = events.stream().map(AuthEvent::userId).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<UUID, Set<String>> earlierAgents = store.loginUserAgentsBefore(from, users);
        Instant previous = scannedUntil;
        List<SuspiciousActivity> found = detector.detect(events, earlierAgents).stream()
                .filter(finding -> finding.occurredAt().isAfter(previous))
                .filter(finding -> !store.isRecorded(finding))
                .toList();
        for (SuspiciousActivity finding : found) {
            recorder.record(AuthEvent.failure(AuthEventType.SUSPICIOUS_ACTIVITY, null)
                    .occurredAt(finding.occurredAt())
                    .user(finding.userId())
                    .client(new ClientInfo(finding.clientIp(), null))
                    .detail(finding.detail()));
        }
        scannedUntil = horizon;
        if (!found.isEmpty()) {
            recorder.flush();
            LOG.info("Recorded {} suspicious activity findings", found.size());
        }
    }
}
