package io.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Events;
import io.gatehouse.support.Http;
import io.gatehouse.support.Http.Response;
import io.gatehouse.support.TestWar;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The scheduled cleanup, with tokens that live one and two seconds, events kept five seconds and
 * a cleanup every half second. The cleanup's counters in {@code /metrics} show what it deleted.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CleanupIT {

    private static final String ADMIN_EMAIL = "cleanup-admin@example.com";
    private static final String ADMIN_PASSWORD = "admin pass phrase for cleanup tests";
    private static final String PASSWORD = "correct horse battery staple";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWar.production()
                .with("gatehouse.admin.email", ADMIN_EMAIL)
                .with("gatehouse.admin.password", ADMIN_PASSWORD)
                .with("jwt.access-token-lifetime", "PT1S")
                .with("jwt.refresh-token-lifetime", "PT2S")
                .with("jwt.clock-skew", "PT0S")
                .with("gatehouse.audit.retention", "PT5S")
                .with("gatehouse.audit.flush-interval", "PT0.1S")
                .with("gatehouse.cleanup.interval", "PT0.5S")
                .with("gatehouse.cleanup.batch-size", "2")
                .build("cleanup");
    }

    @Test
    void cleanupDeletesExpiredRecords() {
        Http http = new Http(base);
        String email = "user-" + UUID.randomUUID() + "@example.com";
        String userId = http.register(email, PASSWORD).json().path("id").asText();
        for (int i = 0; i < 3; i++) {
            Response login = http.login(email, PASSWORD);
            http.post("api/auth/logout").json(Map.of("refreshToken", login.json().path("refreshToken").asText())).send();
        }
        Events.await(http, () -> adminToken(http), "userId=" + userId, event -> event.path("type").asText().equals("logout"), 3);

        // Refresh tokens show the batching (3 or more rows, 2 per batch). Only the access tokens still
        // unexpired at logout are denylisted, and with a 1 s lifetime a slow run may have fewer than 3.
        awaitTrue(() -> deleted(http, "refresh_token") >= 3 && deleted(http, "revoked_access_token") >= 1,
                "expired refresh tokens and denylist entries deleted");
        awaitTrue(() -> Events.list(http, adminToken(http), "userId=" + userId).isEmpty(),
                "events of user " + userId + " deleted after the retention period");
        assertThat(deleted(http, "auth_event")).isGreaterThanOrEqualTo(7);
    }

    private String adminToken(Http http) {
        return http.login(ADMIN_EMAIL, ADMIN_PASSWORD).json().path("accessToken").asText();
    }

    private double deleted(Http http, String table) {
        String metrics = http.get("metrics").bearer(adminToken(http)).send().text();
        String series = "gatehouse_cleanup_deleted_total{table=\"" + table + "\"}";
        return metrics.contains(series) ? AdminApiIT.metricValue(metrics, series) : 0;
    }

    private static void awaitTrue(BooleanSupplier condition, String description) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not true within " + TIMEOUT + ": " + description);
            }
            Events.sleep(200);
        }
    }
}
