package io.gatehouse.it;

import static io.gatehouse.it.AuthFlowIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

/** Access-token revocation on logout, logout-all and the user's own session list, over real HTTP. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionLifecycleIT {

    private static final String PASSWORD = "correct horse battery staple";

    @ArquillianResource
    private URL base;

    private Http http;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWar.production().build("sessionlifecycle");
    }

    @BeforeEach
    void setUp() {
        http = new Http(base);
    }

    private String registerUser() {
        String email = "user-" + UUID.randomUUID() + "@example.com";
        http.register(email, PASSWORD);
        return email;
    }

    private Response loginWithAgent(String email, String userAgent) {
        Response response = http.post("api/auth/login").header("User-Agent", userAgent)
                .json(Map.of("email", email, "password", PASSWORD)).send();
        assertThat(response.status()).as("login of %s: %s", email, response).isEqualTo(200);
        return response;
    }

    private static String access(Response login) {
        return login.json().path("accessToken").asText();
    }

    private static String refresh(Response login) {
        return login.json().path("refreshToken").asText();
    }

    @Test
    void logoutWhenAccessTokenUsedAgainThenRevoked() {
        Response login = http.login(registerUser(), PASSWORD);
        assertThat(http.get("api/auth/me").bearer(access(login)).send().status()).isEqualTo(200);

        Response logout = http.post("api/auth/logout").json(Map.of("refreshToken", refresh(login))).send();

        assertThat(logout.status()).isEqualTo(204);
        Response me = http.get("api/auth/me").bearer(access(login)).send();
        assertProblem(me, 401, "TOKEN_REVOKED");
        assertThat(me.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
    }

    @Test
    void logoutRevokesEveryLiveAccessToken() {
        Response login = http.login(registerUser(), PASSWORD);
        Response refreshed = http.post("api/auth/refresh").json(Map.of("refreshToken", refresh(login))).send();
        assertThat(refreshed.status()).isEqualTo(200);

        http.post("api/auth/logout").json(Map.of("refreshToken", refresh(refreshed))).send();

        assertProblem(http.get("api/auth/me").bearer(access(login)).send(), 401, "TOKEN_REVOKED");
        assertProblem(http.get("api/auth/me").bearer(access(refreshed)).send(), 401, "TOKEN_REVOKED");
    }

    @Test
    void logoutAllWhenTwoSessionsThenBothEnded() {
        String email = registerUser();
        Response first = loginWithAgent(email, "Browser One");
        Response second = loginWithAgent(email, "Browser Two");

        Response logoutAll = http.post("api/auth/logout-all").bearer(access(first)).send();

        assertThat(logoutAll.status()).isEqualTo(204);
        assertThat(logoutAll.setCookie("accessToken")).contains("Max-Age=0");
        assertProblem(http.get("api/auth/me").bearer(access(first)).send(), 401, "TOKEN_REVOKED");
        assertProblem(http.get("api/auth/me").bearer(access(second)).send(), 401, "TOKEN_REVOKED");
        assertProblem(http.post("api/auth/refresh").json(Map.of("refreshToken", refresh(first))).send(), 401, "TOKEN_REVOKED");
        assertProblem(http.post("api/auth/refresh").json(Map.of("refreshToken", refresh(second))).send(), 401, "TOKEN_REVOKED");
    }

    @Test
    void logoutAllLeavesOtherUsersAlone() {
        Response mine = http.login(registerUser(), PASSWORD);
        Response theirs = http.login(registerUser(), PASSWORD);

        http.post("api/auth/logout-all").bearer(access(mine)).send();

        assertThat(http.get("api/auth/me").bearer(access(theirs)).send().status()).isEqualTo(200);
    }

    @Test
    void logoutAllWhenNoTokenThenMissingToken() {
        assertProblem(http.post("api/auth/logout-all").send(), 401, "MISSING_TOKEN");
    }

    @Test
    void sessionsListsBothAndMarksCurrent() {
        String email = registerUser();
        Response first = loginWithAgent(email, "Browser One");
        Response second = loginWithAgent(email, "Browser Two");
        Response refreshed = http.post("api/auth/refresh").header("User-Agent", "Browser Two")
                .json(Map.of("refreshToken", refresh(second))).send();
        assertThat(refreshed.status()).isEqualTo(200);

        Response response = http.get("api/auth/sessions").bearer(access(first)).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).contains("no-store");
        List<JsonNode> sessions = new ArrayList<>();
        response.json().forEach(sessions::add);
        assertThat(sessions).hasSize(2);
        JsonNode current = sessions.stream().filter(s -> s.path("current").asBoolean()).findFirst().orElseThrow();
        JsonNode other = sessions.stream().filter(s -> !s.path("current").asBoolean()).findFirst().orElseThrow();
        assertThat(current.path("userAgent").asText()).isEqualTo("Browser One");
        assertThat(current.path("refreshCount").asLong()).isZero();
        assertThat(current.path("clientIp").asText()).isEqualTo("127.0.0.1");
        assertThat(other.path("userAgent").asText()).isEqualTo("Browser Two");
        assertThat(other.path("refreshCount").asLong()).isEqualTo(1);
        assertThat(other.path("createdAt").asText()).isNotBlank();
        assertThat(other.path("lastUsedAt").asText()).isNotBlank();
        assertThat(response.text()).doesNotContain(refresh(first)).doesNotContain(access(first));
    }

    @Test
    void deleteSessionRevokesItsTokens() {
        String email = registerUser();
        Response first = loginWithAgent(email, "Browser One");
        Response second = loginWithAgent(email, "Browser Two");
        String otherId = otherSessionId(access(first));

        Response deleted = http.request("DELETE", "api/auth/sessions/" + otherId).bearer(access(first)).send();

        assertThat(deleted.status()).isEqualTo(204);
        assertProblem(http.get("api/auth/me").bearer(access(second)).send(), 401, "TOKEN_REVOKED");
        assertProblem(http.post("api/auth/refresh").json(Map.of("refreshToken", refresh(second))).send(), 401, "TOKEN_REVOKED");
        assertThat(http.get("api/auth/me").bearer(access(first)).send().status()).isEqualTo(200);
        assertThat(http.get("api/auth/sessions").bearer(access(first)).send().json().size()).isEqualTo(1);
    }

    @Test
    void deleteOtherUsersSessionNotFound() {
        Response mine = http.login(registerUser(), PASSWORD);
        Response theirs = http.login(registerUser(), PASSWORD);
        String theirSession = http.get("api/auth/sessions").bearer(access(theirs)).send().json().get(0).path("id").asText();

        Response response = http.request("DELETE", "api/auth/sessions/" + theirSession).bearer(access(mine)).send();

        assertProblem(response, 404, "NOT_FOUND");
        assertThat(http.get("api/auth/me").bearer(access(theirs)).send().status()).isEqualTo(200);
    }

    @Test
    void deleteSessionWhenIdMalformedThenNotFound() {
        Response login = http.login(registerUser(), PASSWORD);

        assertProblem(http.request("DELETE", "api/auth/sessions/not-a-uuid").bearer(access(login)).send(), 404, "NOT_FOUND");
    }

    @Test
    void refreshWhenReusedThenFamilyAccessTokensRevoked() {
        Response login = http.login(registerUser(), PASSWORD);
        Response refreshed = http.post("api/auth/refresh").json(Map.of("refreshToken", refresh(login))).send();

        Response reuse = http.post("api/auth/refresh").json(Map.of("refreshToken", refresh(login))).send();

        assertProblem(reuse, 401, "TOKEN_REUSED");
        assertProblem(http.get("api/auth/me").bearer(access(refreshed)).send(), 401, "TOKEN_REVOKED");
    }

    private String otherSessionId(String accessToken) {
        for (JsonNode session : http.get("api/auth/sessions").bearer(accessToken).send().json()) {
            if (!session.path("current").asBoolean()) {
                return session.path("id").asText();
            }
        }
        throw new AssertionError("No second session listed");
    }
}
