package io.gatehouse.metrics;

import io.gatehouse.audit.AuthEvent;
import io.gatehouse.audit.AuthEventListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * Gatehouse's Micrometer meters, in a Prometheus registry of its own. Counters derive from the
 * auth events as they are recorded, so each outcome is counted once, at the place that records it.
 *
 * <p>Meter names, as Prometheus shows them: {@code gatehouse_logins_total{outcome}},
 * {@code gatehouse_auth_failures_total{code}}, {@code gatehouse_token_refreshes_total},
 * {@code gatehouse_refresh_reuse_detections_total}, {@code gatehouse_account_lockouts_total},
 * {@code gatehouse_rate_limited_total}, {@code gatehouse_auth_events_total{type}},
 * {@code gatehouse_token_verification_seconds} and {@code gatehouse_cleanup_deleted_total{table}}.
 */
public final class GatehouseMetrics implements AuthEventListener {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter loginSuccesses = Counter.builder("gatehouse.logins").tag("outcome", "success")
            .description("Logins by outcome").register(registry);
    private final Counter loginFailures = Counter.builder("gatehouse.logins").tag("outcome", "failure")
            .description("Logins by outcome").register(registry);
    private final Counter refreshes = Counter.builder("gatehouse.token.refreshes")
            .description("Successful refresh-token rotations").register(registry);
    private final Counter reuseDetections = Counter.builder("gatehouse.refresh.reuse.detections")
            .description("Refresh tokens presented again after rotation").register(registry);
    private final Counter lockouts = Counter.builder("gatehouse.account.lockouts")
            .description("Accounts locked after failed logins").register(registry);
    private final Counter rateLimited = Counter.builder("gatehouse.rate.limited")
            .description("Requests rejected by a rate limit").register(registry);
    private final Timer tokenVerification = Timer.builder("gatehouse.token.verification")
            .description("Time to verify an access token, including the denylist check").register(registry);

    @Override
    public void onEvent(AuthEvent event) {
        Counter.builder("gatehouse.auth.events").tag("type", event.type().wireName())
                .description("Auth events by type").register(registry).increment();
        if (!event.success() && event.errorCode() != null) {
            Counter.builder("gatehouse.auth.failures").tag("code", event.errorCode())
                    .description("Failed authentication steps by error code").register(registry).increment();
        }
        switch (event.type()) {
            case LOGIN -> loginSuccesses.increment();
            case LOGIN_FAILURE -> loginFailures.increment();
            case TOKEN_REFRESH -> refreshes.increment();
            case REFRESH_REUSE_DETECTED -> reuseDetections.increment();
            case ACCOUNT_LOCKED -> lockouts.increment();
            case RATE_LIMITED -> rateLimited.increment();
            default -> {
                // Counted by type above only.
            }
        }
    }

    /** Returns the timer in which {@code AuthenticationFilter} records each access-token verification. */
    public Timer tokenVerification() {
        return tokenVerification;
    }

    /** Counts rows the scheduled cleanup deleted from a table. */
    public void cleanupDeleted(String table, long rows) {
        Counter.builder("gatehouse.cleanup.deleted").tag("table", table)
                .description("Rows deleted by the scheduled cleanup").register(registry).increment(rows);
    }

    /** Returns every meter in the Prometheus text exposition format, version 0.0.4. */
    public String scrape() {
        return registry.scrape();
    }

    public void close() {
        registry.close();
    }
}
