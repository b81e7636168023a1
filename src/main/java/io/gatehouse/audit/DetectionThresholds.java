package io.gatehouse.audit;

import io.gatehouse.config.GatehouseConfig;
import java.time.Duration;

/** The window and thresholds of {@link SuspiciousActivityDetector}; each threshold is at least 1. */
public record DetectionThresholds(Duration window, int ipFailures, int distinctAccounts, int distinctIps, int failureBurst) {

    public static DetectionThresholds of(GatehouseConfig.Detection settings) {
        return new DetectionThresholds(settings.window(), settings.ipFailureThreshold(),
                settings.distinctAccountThreshold(), settings.distinctIpThreshold(), settings.failureBurstThreshold());
    }
}
