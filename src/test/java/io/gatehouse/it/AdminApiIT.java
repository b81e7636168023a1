package io.gatehouse.it;

import static io.gatehouse.it.AuthFlowIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.support.Events;
import io.gatehouse.support.Http;
import io.gatehouse.support.Http.Response;
import io.gatehouse.support.TestWar;
import java.net.URL;
import java.util.ArrayList;
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

/** The admin API for users and roles, its authorization, its audit trail and the metrics endpoint. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminApiIT {

    private static final String ADMIN_EMAIL = "root-admin@example.com";
    private static final String ADMIN_PASSWORD = "admin pass phrase for admin api tests";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String SCRAPE_TOKEN = "scrape-token-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMN";

    @ArquillianResource
    private URL base;

    private Http http;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWar.production()
                .with("gatehouse.admin.email", ADMIN_EMAIL)
                .with("gatehouse.admin.password", ADMIN_PASSWORD)
                .with("gatehouse.audit.flush-interval", "PT0.1S")
                .with("gatehouse.metrics.scrape-token", SCRAPE_TOKEN)
                .build("adminapi");
    }

    @BeforeEach
    void setUp() {
        http = new Http(base);
    }

    private String adminToken() {
        return http.login(ADMIN_EMAIL, ADMIN_PASSWORD).json().path("accessToken").asText();
    }

    /** Registers a user and returns {id, email}. */
    private String[] newUser(String tag) {
        String email = tag + "-" + UUID.randomUUID() + "@example.com";
        String id = http.register(email, PASSWORD).json().path("id").asText();
        return new String[] {id, email};
    }

    private static String access(Response login) {
        return login.json().path("accessToken").asText();
    }

    private JsonNode meAfterRefresh(Response login) {
        Response refreshed = http.post("api/auth/refresh").json(Map.of("refreshToken", login.json().path("refreshToken").asText())).send();
        assertThat(refreshed.status()).as("refresh: %s", refreshed).isEqualTo(200);
        return http.get("api/auth/me").bearer(access(refreshed)).send().json();
    }

    @Test
    void everyAdminRouteWhenPlainUserThenForbidden() {
        String[] target = newUser("target");
        String userToken = access(http.login(newUser("plain")[1], PASSWORD));
        List<Object[]> routes = List.of(
                new Object[] {"GET", "api/admin/users", null},
                new Object[] {"GET", "api/admin/users/" + target[0], null},
                new Object[] {"POST", "api/admin/users/" + target[0] + "/disable", null},
                new Object[] {"POST", "api/admin/users/" + target[0] + "/unlock", null},
                new Object[] {"POST", "api/admin/users/" + target[0] + "/enable", null},
                new Object[] {"PUT", "api/admin/users/" + target[0] + "/role", Map.of("role", "admin")},
                new Object[] {"POST", "api/admin/users/" + target[0] + "/permissions", Map.of("permission", "x:y")},
                new Object[] {"DELETE", "api/admin/users/" + target[0] + "/permissions/x:y", null},
                new Object[] {"POST", "api/admin/users/" + target[0] + "/logout", null},
                new Object[] {"GET", "api/admin/roles", null},
                new Object[] {"POST", "api/admin/roles", Map.of("name", "sneaky", "permissions", List.of("*"))},
                new Object[] {"PUT", "api/admin/roles/user/permissions", Map.of("permissions", List.of("*"))},
                new Object[] {"GET", "api/admin/security-report", null},
                new Object[] {"GET", "api/admin/events", null},
                new Object[] {"GET", "metrics", null});

        for (Object[] route : routes) {
            Http.Request request = http.request((String) route[0], (String) route[1]).bearer(userToken);
            if (route[2] != null) {
                request.json(route[2]);
            }
            Response response = request.send();
            assertThat(response.status()).as("%s %s: %s", route[0], route[1], response).isEqualTo(403);
            assertThat(response.code()).as("%s %s", route[0], route[1]).isEqualTo("INSUFFICIENT_PERMISSIONS");
        }
        Response roles = http.get("api/admin/roles").bearer(adminToken()).send();
        assertThat(roles.text()).doesNotContain("sneaky");
        assertThat(http.get("api/auth/me").bearer(userToken).send().json().path("role").asText()).isEqualTo("user");
    }

    @Test
    void adminRouteWhenNoTokenThenUnauthorized() {
        assertProblem(http.get("api/admin/users").send(), 401, "MISSING_TOKEN");
    }

    @Test
    void listUsersWhenFilteredThenPagedByEmail() {
        String tag = "page" + UUID.randomUUID().toString().substring(0, 8);
        newUser(tag);
        newUser(tag);
        newUser(tag);
        String admin = adminToken();

        Response first = http.get("api/admin/users?email=" + tag.toUpperCase() + "&size=2").bearer(admin).send();
        Response second = http.get("api/admin/users?email=" + tag + "&size=2&page=1").bearer(admin).send();

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("total").asLong()).isEqualTo(3);
        assertThat(first.json().path("items").size()).isEqualTo(2);
        assertThat(second.json().path("items").size()).isEqualTo(1);
        assertThat(first.text()).doesNotContain("$2a$").doesNotContain("passwordHash");
    }

    @Test
    void listUsersWhenPageNotNumberThenMalformedNamingParameter() {
        Response response = http.get("api/admin/users?page=first").bearer(adminToken()).send();

        assertProblem(response, 400, "MALFORMED_REQUEST");
        assertThat(response.json().path("detail").asText()).isEqualTo("Query parameter 'page' has an invalid value.");
    }

    @Test
    void listUsersWithoutFilterListsEveryone() {
        newUser("unfiltered");
        String admin = adminToken();

        Response response = http.get("api/admin/users?size=100").bearer(admin).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(response.text()).contains(ADMIN_EMAIL);
    }

    @Test
    void listUsersWhenFilterHasWildcardCharactersThenMatchedLiterally() {
        newUser("under_score");
        newUser("underXscore");

        Response response = http.get("api/admin/users?email=under_score").bearer(adminToken()).send();

        assertThat(response.json().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void listUsersWhenSizeTooLargeThenMalformed() {
        assertProblem(http.get("api/admin/users?size=1000").bearer(adminToken()).send(), 400, "MALFORMED_REQUEST");
    }

    @Test
    void getUserWhenKnownThenView() {
        String[] user = newUser("view");

        Response response = http.get("api/admin/users/" + user[0]).bearer(adminToken()).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("email").asText()).isEqualTo(user[1]);
        assertThat(response.json().path("role").asText()).isEqualTo("user");
        assertThat(response.json().path("enabled").asBoolean()).isTrue();
    }

    @Test
    void getUserWhenUnknownThenNotFound() {
        assertProblem(http.get("api/admin/users/" + UUID.randomUUID()).bearer(adminToken()).send(), 404, "NOT_FOUND");
    }

    @Test
    void disableRevokesTokensAndBlocksLogin() {
        String[] user = newUser("disable");
        Response login = http.login(user[1], PASSWORD);
        String admin = adminToken();

        Response disabled = http.post("api/admin/users/" + user[0] + "/disable").bearer(admin).send();

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
        assertProblem(http.get("api/auth/me").bearer(access(login)).send(), 401, "TOKEN_REVOKED");
        assertProblem(http.post("api/auth/refresh").json(Map.of("refreshToken", login.json().path("refreshToken").asText())).send(),
                401, "TOKEN_REVOKED");
        assertProblem(http.post("api/auth/login").json(Map.of("email", user[1], "password", PASSWORD)).send(),
                401, "INVALID_CREDENTIALS");

        Response enabled = http.post("api/admin/users/" + user[0] + "/enable").bearer(admin).send();

        assertThat(enabled.json().path("enabled").asBoolean()).isTrue();
        assertThat(http.post("api/auth/login").json(Map.of("email", user[1], "password", PASSWORD)).send().status()).isEqualTo(200);
    }

    @Test
    void disableWhenLastAdminThenConflict() {
        String admin = adminToken();
        String adminId = http.get("api/auth/me").bearer(admin).send().json().path("id").asText();

        assertProblem(http.post("api/admin/users/" + adminId + "/disable").bearer(admin).send(), 409, "LAST_ADMIN");
        assertProblem(http.request("PUT", "api/admin/users/" + adminId + "/role").bearer(admin).json(Map.of("role", "user")).send(),
                409, "LAST_ADMIN");
    }

    @Test
    void changedRoleAppliesAtRefresh() {
        String[] user = newUser("promote");
        Response login = http.login(user[1], PASSWORD);
        http.post("api/admin/roles").bearer(adminToken())
                .json(Map.of("name", "auditor-" + user[0].substring(0, 8), "permissions", List.of("security:read"))).send();

        Response changed = http.request("PUT", "api/admin/users/" + user[0] + "/role").bearer(adminToken())
                .json(Map.of("role", "auditor-" + user[0].substring(0, 8))).send();

        assertThat(changed.status()).isEqualTo(200);
        assertThat(http.get("api/auth/me").bearer(access(login)).send().json().path("role").asText()).isEqualTo("user");
        JsonNode me = meAfterRefresh(login);
        assertThat(me.path("role").asText()).isEqualTo("auditor-" + user[0].substring(0, 8));
        assertThat(me.path("permissions").toString()).isEqualTo("[\"security:read\"]");
    }

    @Test
    void changeRoleWhenUnknownRoleThenBadRequest() {
        String[] user = newUser("unknownrole");

        Response response = http.request("PUT", "api/admin/users/" + user[0] + "/role").bearer(adminToken())
                .json(Map.of("role", "no-such-role")).send();

        assertProblem(response, 400, "UNKNOWN_ROLE");
    }

    @Test
    void grantAndRevokePermissionWhenRefreshedThenApplied() {
        String[] user = newUser("grant");
        Response login = http.login(user[1], PASSWORD);
        String admin = adminToken();

        Response granted = http.post("api/admin/users/" + user[0] + "/permissions").bearer(admin)
                .json(Map.of("permission", "properties:write")).send();

        assertThat(granted.status()).isEqualTo(200);
        assertThat(granted.json().path("extraPermissions").toString()).isEqualTo("[\"properties:write\"]");
        JsonNode me = meAfterRefresh(login);
        assertThat(texts(me.path("permissions"))).containsExactlyInAnyOrder("properties:read", "properties:write");

        Response revoked = http.request("DELETE", "api/admin/users/" + user[0] + "/permissions/properties:write").bearer(admin).send();

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().path("extraPermissions").size()).isZero();
        assertProblem(http.request("DELETE", "api/admin/users/" + user[0] + "/permissions/properties:write").bearer(admin).send(),
                404, "NOT_FOUND");
    }

    @Test
    void grantPermissionWhenInvalidThenBadRequest() {
        String[] user = newUser("badperm");

        Response response = http.post("api/admin/users/" + user[0] + "/permissions").bearer(adminToken())
                .json(Map.of("permission", "properties::read")).send();

        assertProblem(response, 400, "INVALID_PERMISSION");
    }

    @Test
    void forceLogoutRevokesAllTokens() {
        String[] user = newUser("forced");
        Response first = http.login(user[1], PASSWORD);
        Response second = http.login(user[1], PASSWORD);

        Response response = http.post("api/admin/users/" + user[0] + "/logout").bearer(adminToken()).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("refreshTokensRevoked").asInt()).isEqualTo(2);
        assertProblem(http.get("api/auth/me").bearer(access(first)).send(), 401, "TOKEN_REVOKED");
        assertProblem(http.get("api/auth/me").bearer(access(second)).send(), 401, "TOKEN_REVOKED");
    }

    @Test
    void roleChangesApplyAtRefresh() {
        String admin = adminToken();
        String name = "editor-" + UUID.randomUUID().toString().substring(0, 8);

        Response created = http.post("api/admin/roles").bearer(admin)
                .json(Map.of("name", name, "permissions", List.of("properties:read"))).send();

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/admin/roles/" + name);
        String[] user = newUser("editor");
        http.request("PUT", "api/admin/users/" + user[0] + "/role").bearer(admin).json(Map.of("role", name)).send();
        Response login = http.login(user[1], PASSWORD);

        Response changed = http.request("PUT", "api/admin/roles/" + name + "/permissions").bearer(admin)
                .json(Map.of("permissions", List.of("properties:read", "properties:write"))).send();

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("permissions").toString()).isEqualTo("[\"properties:read\",\"properties:write\"]");
        assertThat(texts(meAfterRefresh(login).path("permissions"))).containsExactlyInAnyOrder("properties:read", "properties:write");
        Response roles = http.get("api/admin/roles").bearer(admin).send();
        assertThat(roles.text()).contains("\"name\":\"" + name + "\"").contains("\"name\":\"admin\"").contains("\"name\":\"user\"");
    }

    @Test
    void createRoleWhenDuplicateOrInvalidThenRejected() {
        String admin = adminToken();

        assertProblem(http.post("api/admin/roles").bearer(admin).json(Map.of("name", "user", "permissions", List.of())).send(),
                409, "ROLE_EXISTS");
        assertProblem(http.post("api/admin/roles").bearer(admin).json(Map.of("name", "Bad Name", "permissions", List.of())).send(),
                400, "MALFORMED_REQUEST");
        assertProblem(http.post("api/admin/roles").bearer(admin).json(Map.of("name", "emptyperm", "permissions", List.of(""))).send(),
                400, "INVALID_PERMISSION");
        assertProblem(http.request("PUT", "api/admin/roles/no-such-role/permissions").bearer(admin)
                .json(Map.of("permissions", List.of())).send(), 404, "NOT_FOUND");
    }

    @Test
    void adminActionsRecordActingAdmin() {
        String admin = adminToken();
        String adminId = http.get("api/auth/me").bearer(admin).send().json().path("id").asText();
        String[] user = newUser("audited");

        http.post("api/admin/users/" + user[0] + "/disable").bearer(admin).send();
        http.post("api/admin/users/" + user[0] + "/enable").bearer(admin).send();
        http.post("api/admin/users/" + user[0] + "/logout").bearer(admin).send();

        List<JsonNode> events = Events.await(http, admin, "type=admin_action&userId=" + adminId,
                event -> event.path("detail").asText().contains("target_user=" + user[0]), 3);
        List<String> details = events.stream().map(event -> event.path("detail").asText())
                .filter(detail -> detail.contains("target_user=" + user[0])).toList();
        assertThat(details).anyMatch(detail -> detail.startsWith("action=user.disable"));
        assertThat(details).anyMatch(detail -> detail.startsWith("action=user.enable"));
        assertThat(details).anyMatch(detail -> detail.startsWith("action=user.force_logout"));
        assertThat(events).allMatch(event -> event.path("userId").asText().equals(adminId));
        assertThat(events).allMatch(event -> event.path("clientIp").asText().equals("127.0.0.1"));
    }

    @Test
    void metricsWhenAdminThenPrometheusText() {
        String admin = adminToken();
        http.post("api/auth/login").json(Map.of("email", ADMIN_EMAIL, "password", "wrong password")).send();

        Response response = http.get("metrics").bearer(admin).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/plain");
        assertThat(response.text())
                .contains("gatehouse_logins_total{outcome=\"success\"}")
                .contains("gatehouse_logins_total{outcome=\"failure\"}")
                .contains("gatehouse_auth_failures_total{code=\"INVALID_CREDENTIALS\"}")
                .contains("gatehouse_token_refreshes_total")
                .contains("gatehouse_refresh_reuse_detections_total")
                .contains("gatehouse_account_lockouts_total")
                .contains("gatehouse_rate_limited_total")
                .contains("gatehouse_token_verification_seconds_count");
        assertThat(metricValue(response.text(), "gatehouse_logins_total{outcome=\"success\"}")).isGreaterThanOrEqualTo(1);
        assertThat(metricValue(response.text(), "gatehouse_token_verification_seconds_count")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void scrapePathWithScrapeTokenServesMetrics() {
        http.login(ADMIN_EMAIL, ADMIN_PASSWORD);

        Response response = http.get("internal/metrics").bearer(SCRAPE_TOKEN).send();

        assertThat(response.status()).as("scrape: %s", response).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/plain");
        assertThat(metricValue(response.text(), "gatehouse_logins_total{outcome=\"success\"}")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void scrapePathWithoutScrapeTokenRejected() {
        assertProblem(http.get("internal/metrics").send(), 401, "MISSING_TOKEN");
        assertProblem(http.get("internal/metrics").bearer(SCRAPE_TOKEN + "x").send(), 401, "INVALID_TOKEN");
        assertProblem(http.get("internal/metrics").bearer(adminToken()).send(), 401, "INVALID_TOKEN");
    }

    @Test
    void metricsWhenScrapeTokenThenInvalidToken() {
        assertProblem(http.get("metrics").bearer(SCRAPE_TOKEN).send(), 401, "INVALID_TOKEN");
    }

    @Test
    void metricsWhenNoTokenThenUnauthorized() {
        assertProblem(http.get("metrics").send(), 401, "MISSING_TOKEN");
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    static double metricValue(String exposition, String series) {
        return exposition.lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).strip().split(" ")[0]))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No series " + series + " in " + exposition));
    }
}
