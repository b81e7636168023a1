package io.gatehouse.it;

import static io.gatehouse.it.AuthFlowIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.support.Events;
import io.gatehouse.support.Http;
import io.gatehouse.support.Http.Response;
import io.gatehouse.support.TestWar;
import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Produces a known mix of auth events on a fresh database and checks every figure of the
 * security report against it. Only the admin's sessions stay active, so they are the report's
 * active sessions. The periodic detector is set to run only after an hour, so it adds
 * no events while the test runs.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityReportIT {

    private static final String ADMIN_EMAIL = "report-admin@example.com";
    private static final String ADMIN_PASSWORD = "admin pass phrase for report tests";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String OTHER_AGENT = "Other Browser/1.0";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWar.production()
                .with("gatehouse.admin.email", ADMIN_EMAIL)
                .with("gatehouse.admin.password", ADMIN_PASSWORD)
                .with("gatehouse.audit.flush-interval", "PT0.1S")
                .with("gatehouse.detection.interval", "PT1H")
                .with("gatehouse.detection.window", "PT10M")
                .with("gatehouse.detection.ip-failure-threshold", "3")
                .with("gatehouse.detection.distinct-account-threshold", "3")
                .with("gatehouse.detection.distinct-ip-threshold", "2")
                .with("gatehouse.detection.failure-burst-threshold", "2")
                .with("gatehouse.lockout.max-failures", "3")
                .build("securityreport");
    }

    @Test
    void reportMatchesKnownEventMix() {
        Http http = new Http(base);
        String admin = http.login(ADMIN_EMAIL, ADMIN_PASSWORD).json().path("accessToken").asText();
        Events.sleep(20);
        Instant from = Instant.now();

        String alice = "alice@example.com";
        String aliceId = http.register(alice, PASSWORD).json().path("id").asText();
        http.register("bob@example.com", PASSWORD);
        assertThat(http.post("api/auth/register").json(Map.of("email", alice, "password", PASSWORD)).send().status()).isEqualTo(409);
        failLogin(http, alice);
        failLogin(http, alice);
        Response aliceFirst = http.login(alice, PASSWORD);
        failLogin(http, "nobody-1@example.com");
        failLogin(http, "nobody-2@example.com");
        Response aliceSecond = http.post("api/auth/login").header("User-Agent", OTHER_AGENT)
                .json(Map.of("email", alice, "password", PASSWORD)).send();
        assertThat(aliceSecond.status()).isEqualTo(200);
        String firstRefresh = aliceFirst.json().path("refreshToken").asText();
        assertThat(http.post("api/auth/refresh").json(Map.of("refreshToken", firstRefresh)).send().status()).isEqualTo(200);
        assertProblem(http.post("api/auth/refresh").json(Map.of("refreshToken", firstRefresh)).send(), 401, "TOKEN_REUSED");
        assertProblem(http.get("api/auth/me").bearer("not-a-token").send(), 401, "INVALID_TOKEN");
        Response bob = http.login("bob@example.com", PASSWORD);
        http.post("api/auth/logout").json(Map.of("refreshToken", bob.json().path("refreshToken").asText())).send();
        String aliceAccess = aliceSecond.json().path("accessToken").asText();
        assertThat(http.post("api/auth/logout-all").bearer(aliceAccess).send().status()).isEqualTo(204);
        assertProblem(http.get("api/auth/me").bearer(aliceAccess).send(), 401, "TOKEN_REVOKED");

        Events.await(http, admin, "from=" + from, event -> true, 16);
        Instant to = Instant.now().plusSeconds(1);
        Response response = http.get("api/admin/security-report?from=" + from + "&to=" + to).bearer(admin).send();

        assertThat(response.status()).as("report: %s", response).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.path("from").asText()).isEqualTo(from.toString());
        JsonNode totals = report.path("totals");
        assertThat(totals.path("registration").asLong()).isEqualTo(3);
        assertThat(totals.path("login").asLong()).isEqualTo(3);
        assertThat(totals.path("login_failure").asLong()).isEqualTo(4);
        assertThat(totals.path("token_refresh").asLong()).isEqualTo(1);
        assertThat(totals.path("refresh_reuse_detected").asLong()).isEqualTo(1);
        assertThat(totals.path("token_validation_failure").asLong()).isEqualTo(2);
        assertThat(totals.path("logout").asLong()).isEqualTo(1);
        assertThat(totals.path("logout_all").asLong()).isEqualTo(1);
        assertThat(totals.path("admin_action").asLong()).isZero();
        assertThat(totals.path("suspicious_activity").asLong()).isZero();
        assertThat(totals.path("account_locked").isNumber()).isTrue();
        assertThat(report.path("logins").asLong()).isEqualTo(3);
        assertThat(report.path("loginFailures").asLong()).isEqualTo(4);
        assertThat(report.path("failureRate").asDouble()).isCloseTo(4.0 / 7.0, org.assertj.core.data.Offset.offset(1e-9));

        assertThat(report.path("topFailureCodes").toString()).isEqualTo("[{\"code\":\"INVALID_CREDENTIALS\",\"count\":4},"
                + "{\"code\":\"EMAIL_TAKEN\",\"count\":1},{\"code\":\"INVALID_TOKEN\",\"count\":1},"
                + "{\"code\":\"TOKEN_REUSED\",\"count\":1},{\"code\":\"TOKEN_REVOKED\",\"count\":1}]");
        assertThat(report.path("suspiciousIps").toString()).isEqualTo("[{\"ip\":\"127.0.0.1\",\"findings\":5,\"reasons\":"
                + "[\"credential_stuffing\",\"ip_failures\",\"new_user_agent\",\"refresh_reuse\",\"success_after_failures\"]}]");
        assertThat(report.path("suspiciousAccounts").toString()).isEqualTo("[{\"userId\":\"" + aliceId + "\",\"findings\":3,"
                + "\"reasons\":[\"new_user_agent\",\"refresh_reuse\",\"success_after_failures\"]}]");
        int adminSessions = http.get("api/auth/sessions").bearer(admin).send().json().size();
        assertThat(adminSessions).isPositive();
        assertThat(report.path("activeSessions").asLong()).as("the admin's sessions only").isEqualTo(adminSessions);

        List<JsonNode> hourly = new ArrayList<>();
        report.path("hourly").forEach(hourly::add);
        assertThat(hourly.get(0).path("hour").asText()).isEqualTo(from.truncatedTo(ChronoUnit.HOURS).toString());
        assertThat(hourly).hasSize((int) ChronoUnit.HOURS.between(from.truncatedTo(ChronoUnit.HOURS), to.minusNanos(1)) + 1);
        assertThat(hourly.stream().mapToLong(hour -> hour.path("logins").asLong()).sum()).isEqualTo(3);
        assertThat(hourly.stream().mapToLong(hour -> hour.path("failures").asLong()).sum()).isEqualTo(4);
    }

    @Test
    void reportListsLockedLoginsUntilAdminUnlocks() {
        Http http = new Http(base);
        String admin = http.login(ADMIN_EMAIL, ADMIN_PASSWORD).json().path("accessToken").asText();
        String carol = "carol-" + UUID.randomUUID() + "@example.com";
        String carolId = http.register(carol, PASSWORD).json().path("id").asText();
        String unknown = "ghost-" + UUID.randomUUID() + "@example.com";
        for (int attempt = 1; attempt <= 3; attempt++) {
            failLogin(http, carol);
            failLogin(http, unknown);
        }
        assertProblem(http.post("api/auth/login").json(Map.of("email", carol, "password", PASSWORD)).send(), 423, "ACCOUNT_LOCKED");

        JsonNode locked = currentReport(http, admin).path("lockedLogins");

        assertThat(locked.path("accounts").findValuesAsText("userId")).contains(carolId);
        assertThat(locked.path("accounts").findValuesAsText("email")).contains(carol);
        assertThat(locked.path("unknownEmails").asLong()).isGreaterThanOrEqualTo(1);
        Events.await(http, admin, "type=account_locked&userId=" + carolId, event -> true, 1);

        Response unlocked = http.post("api/admin/users/" + carolId + "/unlock").bearer(admin).send();

        assertThat(unlocked.status()).isEqualTo(200);
        assertThat(http.post("api/auth/login").json(Map.of("email", carol, "password", PASSWORD)).send().status()).isEqualTo(200);
        assertThat(currentReport(http, admin).path("lockedLogins").path("accounts").findValuesAsText("userId"))
                .doesNotContain(carolId);
        List<JsonNode> unlockEvents = Events.await(http, admin, "type=account_unlocked&userId=" + carolId, event -> true, 1);
        assertThat(unlockEvents.get(0).path("detail").asText()).contains("was_locked=true");
    }

    private static JsonNode currentReport(Http http, String admin) {
        Instant now = Instant.now();
        Response response = http.get("api/admin/security-report?from=" + now.minusSeconds(3600) + "&to=" + now.plusSeconds(1))
                .bearer(admin).send();
        assertThat(response.status()).as("report: %s", response).isEqualTo(200);
        return response.json();
    }

    @Test
    void reportWithInvalidRangeRejected() {
        Http http = new Http(base);
        String admin = http.login(ADMIN_EMAIL, ADMIN_PASSWORD).json().path("accessToken").asText();

        assertProblem(http.get("api/admin/security-report?from=yesterday").bearer(admin).send(), 400, "MALFORMED_REQUEST");
        assertProblem(http.get("api/admin/security-report?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z").bearer(admin).send(),
                400, "MALFORMED_REQUEST");
        assertProblem(http.get("api/admin/security-report?from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z").bearer(admin).send(),
                400, "MALFORMED_REQUEST");
    }

    private static void failLogin(Http http, String email) {
        Response response = http.post("api/auth/login").json(Map.of("email", email, "password", "wrong password 123")).send();
        assertProblem(response, 401, "INVALID_CREDENTIALS");
    }
}
