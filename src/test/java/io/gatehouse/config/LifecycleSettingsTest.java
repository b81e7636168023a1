package io.gatehouse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.support.TestSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defaults and range checks of the session, audit, cleanup, detection and metrics settings. */
class LifecycleSettingsTest {

    @TempDir
    Path dataDirectory;

    private Map<String, String> production() {
        Map<String, String> settings = new HashMap<>();
        settings.put("jwt.access-secret", TestSettings.ACCESS);
        settings.put("jwt.refresh-secret", TestSettings.REFRESH);
        settings.put("gatehouse.data-directory", dataDirectory.toString());
        return settings;
    }

    private Settings loadWith(String name, String value) {
        Map<String, String> settings = production();
        settings.put(name, value);
        return TestSettings.load(settings);
    }

    @Test
    void defaultsWhenUnsetThenDocumentedValues() {
        GatehouseConfig gatehouse = TestSettings.load(production()).gatehouse();

        assertThat(gatehouse.session().reuseGracePeriod()).isZero();
        assertThat(gatehouse.session().denylistRefreshInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(gatehouse.audit().retention()).isEqualTo(Duration.ofDays(90));
        assertThat(gatehouse.audit().flushInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(gatehouse.audit().queueCapacity()).isEqualTo(100_000);
        assertThat(gatehouse.cleanup().interval()).isEqualTo(Duration.ofHours(1));
        assertThat(gatehouse.cleanup().batchSize()).isEqualTo(1000);
        assertThat(gatehouse.detection().interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(gatehouse.detection().window()).isEqualTo(Duration.ofMinutes(15));
        assertThat(gatehouse.detection().ipFailureThreshold()).isEqualTo(20);
        assertThat(gatehouse.metrics().scrapeToken()).isEmpty();
        assertThat(gatehouse.metrics().scrapePath()).isEqualTo("internal/metrics");
    }

    @Test
    void negativeGracePeriodRejected() {
        assertThatThrownBy(() -> loadWith("gatehouse.session.reuse-grace-period", "-PT1S"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("gatehouse.session.reuse-grace-period");
    }

    @Test
    void zeroCleanupIntervalRejected() {
        assertThatThrownBy(() -> loadWith("gatehouse.cleanup.interval", "PT0S"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("gatehouse.cleanup.interval");
    }

    @Test
    void zeroDetectionThresholdRejected() {
        assertThatThrownBy(() -> loadWith("gatehouse.detection.ip-failure-threshold", "0"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("thresholds");
    }

    @Test
    void shortScrapeTokenRejectedWithoutItsValue() {
        assertThatThrownBy(() -> loadWith("gatehouse.metrics.scrape-token", "short-token-value"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("gatehouse.metrics.scrape-token")
                .hasMessageNotContaining("short-token-value");
    }

    @Test
    void scrapePathUnderApiRejected() {
        assertThatThrownBy(() -> loadWith("gatehouse.metrics.scrape-path", "api/metrics"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("gatehouse.metrics.scrape-path");
        assertThatThrownBy(() -> loadWith("gatehouse.metrics.scrape-path", "/internal/metrics"))
                .isInstanceOf(ConfigurationException.class);
    }
}
