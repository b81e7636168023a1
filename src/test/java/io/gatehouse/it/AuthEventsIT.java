package io.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.support.Events;
import io.gatehouse.support.Http;
import io.gatehouse.support.Http.Response;
import io.gatehouse.support.TestWar;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Auth events: each flow records its event in the database and as a JSON line in the audit log,
 * and the periodic detector records suspicious activity as events of its own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthEventsIT {

    private static final Path AUDIT_LOG = Path.of("target", "it-logs", "audit.log");
    private static final String ADMIN_EMAIL = "events-admin@example.com";
    private static final String ADMIN_PASSWORD = "admin pass phrase for event tests";
    private static final String PASSWORD = "correct horse battery staple";

    @ArquillianResource
    private URL base;

    private Http http;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWar.production()
                .with("gatehouse.admin.email", ADMIN_EMAIL)
                .with("gatehouse.admin.password", ADMIN_PASSWORD)
                .with("gatehouse.audit.flush-interval", "PT0.1S")
                .with("gatehouse.detection.interval", "PT0.5S")
                .with("gatehouse.detection.failure-burst-threshold", "2")
                .build("authevents");
    }

    @BeforeEach
    void setUp() {
        http = new Http(base);
    }

    private String adminToken() {
        return http.login(ADMIN_EMAIL, ADMIN_PASSWORD).json().path("accessToken").asText();
    }

    @Test
    void everyFlowRecordsItsEvent() {
        String email = "events-" + UUID.randomUUID() + "@example.com";
        String userId = http.register(email, PASSWORD).json().path("id").asText();
        http.post("api/auth/login").json(Map.of("email", email, "password", "wrong password 123")).send();
        Response first = http.login(email, PASSWORD);
        Response second = http.login(email, PASSWORD);
        String firstRefresh = first.json().path("refreshToken").asText();
        Response refreshed = http.post("api/auth/refresh").json(Map.of("refreshToken", firstRefresh)).send();
        http.post("api/auth/refresh").json(Map.of("refreshToken", firstRefresh)).send();
        String secondAccess = second.json().path("accessToken").asText();
        String sessionId = http.get("api/auth/sessions").bearer(secondAccess).send().json().get(0).path("id").asText();
        Response third = http.login(email, PASSWORD);
        http.request("DELETE", "api/auth/sessions/" + sessionId).bearer(third.json().path("accessToken").asText()).send();
        Response fourth = http.login(email, PASSWORD);
        http.post("api/auth/logout").json(Map.of("refreshToken", fourth.json().path("refreshToken").asText())).send();
        http.get("api/auth/me").bearer(fourth.json().path("accessToken").asText()).send();
        http.post("api/auth/logout-all").bearer(third.json().path("accessToken").asText()).send();
        String admin = adminToken();
        http.post("api/admin/users/" + userId + "/logout").bearer(admin).send();

        List<JsonNode> events = Events.await(http, admin, "userId=" + userId,
                event -> event.path("type").asText().equals("logout_all"), 1);

        assertThat(types(events)).contains("registration", "login_failure", "login", "token_refresh",
                "refresh_reuse_detected", "session_ended", "logout", "token_validation_failure", "logout_all");
        JsonNode reuse = only(events, "refresh_reuse_detected");
        assertThat(reuse.path("success").asBoolean()).isFalse();
        assertThat(reuse.path("errorCode").asText()).isEqualTo("TOKEN_REUSED");
        assertThat(reuse.path("clientIp").asText()).isEqualTo("127.0.0.1");
        assertThat(reuse.path("jti").asText()).isNotBlank();
        JsonNode revoked = only(events, "token_validation_failure");
        assertThat(revoked.path("errorCode").asText()).isEqualTo("TOKEN_REVOKED");
        assertThat(only(events, "login_failure").path("errorCode").asText()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(only(events, "token_refresh").path("success").asBoolean()).isTrue();
        String adminId = http.get("api/auth/me").bearer(admin).send().json().path("id").asText();
        List<JsonNode> adminEvents = Events.await(http, admin, "type=admin_action&userId=" + adminId,
                event -> event.path("detail").asText().contains("target_user=" + userId), 1);
        assertThat(adminEvents).isNotEmpty();
        for (JsonNode event : events) {
            assertThat(event.toString()).doesNotContain(firstRefresh).doesNotContain(refreshed.json().path("refreshToken").asText())
                    .doesNotContain(PASSWORD);
        }
    }

    @Test
    void auditLogGetsJsonLines() throws IOException {
        String email = "auditlog-" + UUID.randomUUID() + "@example.com";
        String userId = http.register(email, PASSWORD).json().path("id").asText();
        Response login = http.login(email, PASSWORD);
        String accessToken = login.json().path("accessToken").asText();
        Events.await(http, adminToken(), "type=login&userId=" + userId, event -> true, 1);

        List<JsonNode> lines = Files.readAllLines(AUDIT_LOG).stream()
                .filter(line -> line.contains(userId))
                .map(AuthEventsIT::parse)
                .toList();

        assertThat(lines).extracting(line -> line.path("type").asText()).contains("registration", "login");
        JsonNode loginLine = lines.stream().filter(line -> line.path("type").asText().equals("login")).findFirst().orElseThrow();
        assertThat(loginLine.path("logger").asText()).isEqualTo("gatehouse.audit");
        assertThat(loginLine.path("userId").asText()).isEqualTo(userId);
        assertThat(loginLine.path("clientIp").asText()).isEqualTo("127.0.0.1");
        assertThat(loginLine.path("success").asText()).isEqualTo("true");
        assertThat(loginLine.path("occurredAt").asText()).isNotBlank();
        assertThat(loginLine.path("jti").asText()).hasSize(36);
        assertThat(Files.readString(AUDIT_LOG)).doesNotContain(accessToken).doesNotContain(PASSWORD);
    }

    @Test
    void monitorRecordsFindingOnce() {
        String email = "burst-" + UUID.randomUUID() + "@example.com";
        String userId = http.register(email, PASSWORD).json().path("id").asText();
        http.post("api/auth/login").json(Map.of("email", email, "password", "wrong password 1")).send();
        http.post("api/auth/login").json(Map.of("email", email, "password", "wrong password 2")).send();
        http.login(email, PASSWORD);

        List<JsonNode> found = Events.await(http, adminToken(), "type=suspicious_activity&userId=" + userId,
                event -> event.path("detail").asText().startsWith("rule=success_after_failures"), 1);

        JsonNode finding = found.get(0);
        assertThat(finding.path("detail").asText()).isEqualTo("rule=success_after_failures count=2");
        assertThat(finding.path("clientIp").asText()).isEqualTo("127.0.0.1");
        Events.sleep(1_200);
        assertThat(Events.list(http, adminToken(), "type=suspicious_activity&userId=" + userId))
                .as("a finding is recorded once, not on every run").hasSize(1);
    }

    @Test
    void loginFailureNeverRecordsTypedInput() {
        String typed = "typed-password-" + UUID.randomUUID();
        http.post("api/auth/login").json(Map.of("email", typed, "password", "wrong password 123")).send();
        String unknownEmail = "nobody-" + UUID.randomUUID() + "@example.com";
        http.post("api/auth/login").json(Map.of("email", unknownEmail, "password", "wrong password 123")).send();

        List<JsonNode> failures = Events.await(http, adminToken(), "type=login_failure",
                event -> event.path("detail").asText().startsWith("unknown_account="), 1);

        assertThat(failures).anyMatch(event -> event.path("detail").asText().equals("malformed email"));
        assertThat(failures.toString()).doesNotContain(typed).doesNotContain(unknownEmail);
    }

    @Test
    void eventsWithUnknownTypeRejected() {
        Response response = http.get("api/admin/events?type=nonsense").bearer(adminToken()).send();

        AuthFlowIT.assertProblem(response, 400, "MALFORMED_REQUEST");
        assertThat(response.json().path("detail").asText()).contains("login_failure");
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(event -> event.path("type").asText()).toList();
    }

    private static JsonNode only(List<JsonNode> events, String type) {
        List<JsonNode> matching = events.stream().filter(event -> event.path("type").asText().equals(type)).toList();
        assertThat(matching).as("events of type %s", type).hasSize(1);
        return matching.get(0);
    }

    private static JsonNode parse(String line) {
        try {
            return Http.JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("Audit log line is not JSON: " + line, e);
        }
    }
}
