package io.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.support.Http;
import io.gatehouse.support.Http.Response;
import io.gatehouse.support.TestWar;
import java.net.URL;
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
 * Registration, login, the current user, refresh rotation and logout over real HTTP. The WAR is
 * deployed at the context path {@code /authflow}, which the cookie paths must include.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthFlowIT {

    private static final String PASSWORD = "correct horse battery staple";

    @ArquillianResource
    private URL base;

    private Http http;

    @Deployment(testable = false)
    static WebArchive deployment() {
        // bcrypt cost 8 takes a few milliseconds, enough to show whether a login skipped hashing.
        return TestWar.production().with("gatehouse.password.bcrypt-cost", "8").build("authflow");
    }

    @BeforeEach
    void setUp() {
        http = new Http(base);
    }

    private static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void healthWhenDatabaseUpThenUp() {
        Response response = http.get("api/health").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void registerWhenValidThenReturnsUserWithoutHash() {
        String email = uniqueEmail();

        Response response = http.register(email, PASSWORD);

        JsonNode user = response.json();
        assertThat(user.path("id").asText()).isNotBlank();
        assertThat(user.path("email").asText()).isEqualTo(email);
        assertThat(user.path("role").asText()).isEqualTo("user");
        assertThat(user.path("permissions").toString()).isEqualTo("[\"properties:read\"]");
        assertThat(response.text()).doesNotContain("$2a$").doesNotContain("hash").doesNotContain(PASSWORD);
    }

    @Test
    void registerWhenEmailTakenThenConflict() {
        String email = uniqueEmail();
        http.register(email, PASSWORD);

        Response response = http.post("api/auth/register")
                .json(Map.of("email", email.toUpperCase(), "password", PASSWORD)).send();

        assertProblem(response, 409, "EMAIL_TAKEN");
    }

    @Test
    void registerWhenEmailInvalidThenBadRequest() {
        Response response = http.post("api/auth/register")
                .json(Map.of("email", "not-an-email", "password", PASSWORD)).send();

        assertProblem(response, 400, "INVALID_EMAIL");
    }

    @Test
    void registerWhenPasswordWeakThenBadRequestWithReason() {
        Response response = http.post("api/auth/register")
                .json(Map.of("email", uniqueEmail(), "password", "password1234")).send();

        assertProblem(response, 400, "WEAK_PASSWORD");
        assertThat(response.json().path("detail").asText()).contains("strength").doesNotContain("password1234");
    }

    @Test
    void registerWhenPasswordShortThenBadRequest() {
        Response response = http.post("api/auth/register")
                .json(Map.of("email", uniqueEmail(), "password", "Xk9#q")).send();

        assertProblem(response, 400, "WEAK_PASSWORD");
        assertThat(response.json().path("detail").asText()).contains("at least 12 characters");
    }

    @Test
    void registerWhenPasswordOver72BytesThenBadRequest() {
        // 25 three-byte characters: 75 bytes in UTF-8 though only 25 characters.
        String password = "語".repeat(25);

        Response response = http.post("api/auth/register")
                .json(Map.of("email", uniqueEmail(), "password", password)).send();

        assertProblem(response, 400, "PASSWORD_TOO_LONG");
    }

    @Test
    void registerWhenFieldMissingThenNamesField() {
        Response response = http.post("api/auth/register").json(Map.of("email", uniqueEmail())).send();

        assertProblem(response, 400, "MALFORMED_REQUEST");
        assertThat(response.json().path("detail").asText()).contains("'password'");
    }

    @Test
    void registerWhenJsonMalformedThenBadRequest() {
        Response response = http.post("api/auth/register").body("application/json", "{\"email\": \"a@b.c\", ").send();

        assertProblem(response, 400, "MALFORMED_REQUEST");
        assertThat(response.json().path("detail").asText()).isEqualTo("The request body is not valid JSON.");
    }

    @Test
    void registerWhenFieldHasWrongTypeThenNamesField() {
        Response response = http.post("api/auth/register")
                .body("application/json", "{\"email\": 42, \"password\": \"" + PASSWORD + "\"}").send();

        assertProblem(response, 400, "MALFORMED_REQUEST");
        assertThat(response.json().path("detail").asText()).contains("'email'");
    }

    @Test
    void registerWhenUnknownFieldThenNamesField() {
        Response response = http.post("api/auth/register")
                .json(Map.of("email", uniqueEmail(), "password", PASSWORD, "isAdmin", true)).send();

        assertProblem(response, 400, "MALFORMED_REQUEST");
        assertThat(response.json().path("detail").asText()).contains("'isAdmin'");
    }

    @Test
    void registerWhenBodyMissingThenBadRequest() {
        Response response = http.post("api/auth/register").body("application/json", "").send();

        assertProblem(response, 400, "MALFORMED_REQUEST");
    }

    @Test
    void registerWhenContentTypeWrongThenUnsupportedMediaType() {
        Response response = http.post("api/auth/register").body("text/plain", "hello").send();

        assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void loginWhenValidThenReturnsTokensAndCookies() {
        String email = uniqueEmail();
        http.register(email, PASSWORD);

        Response response = http.login(email, PASSWORD);

        JsonNode body = response.json();
        assertThat(body.path("accessToken").asText()).isNotBlank();
        assertThat(body.path("refreshToken").asText()).isNotBlank();
        assertThat(body.path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(body.path("expiresIn").asLong()).isEqualTo(900);
        assertThat(body.path("refreshExpiresIn").asLong()).isEqualTo(7 * 24 * 3600);
        assertThat(response.header("Cache-Control")).contains("no-store");
        assertThat(response.setCookie("accessToken"))
                .isEqualTo("accessToken=" + body.path("accessToken").asText()
                        + "; Path=/authflow; Max-Age=900; HttpOnly; Secure; SameSite=Strict");
        assertThat(response.setCookie("refreshToken"))
                .isEqualTo("refreshToken=" + body.path("refreshToken").asText()
                        + "; Path=/authflow/api/auth; Max-Age=604800; HttpOnly; Secure; SameSite=Strict");
    }

    @Test
    void loginWhenCookieOnlyRequestedThenBodyHasNoTokens() {
        String email = uniqueEmail();
        http.register(email, PASSWORD);

        Response response = http.post("api/auth/login")
                .header("Gatehouse-Token-Delivery", "cookie")
                .json(Map.of("email", email, "password", PASSWORD)).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().has("accessToken")).isFalse();
        assertThat(response.json().has("refreshToken")).isFalse();
        assertThat(response.json().path("expiresIn").asLong()).isEqualTo(900);
        assertThat(response.cookieValue("accessToken")).isNotBlank();
        assertThat(response.cookieValue("refreshToken")).isNotBlank();
    }

    @Test
    void loginWhenEmailDiffersInCaseAndSpaceThenSucceeds() {
        String email = uniqueEmail();
        http.register(email, PASSWORD);

        Response response = http.post("api/auth/login")
                .json(Map.of("email", "  " + email.toUpperCase() + " ", "password", PASSWORD)).send();

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void loginWhenPasswordWrongOrEmailUnknownThenSameResponse() {
        String email = uniqueEmail();
        http.register(email, PASSWORD);

        Response wrongPassword = http.post("api/auth/login")
                .json(Map.of("email", email, "password", PASSWORD + "!")).send();
        Response unknownEmail = http.post("api/auth/login")
                .json(Map.of("email", uniqueEmail(), "password", PASSWORD)).send();

        assertProblem(wrongPassword, 401, "INVALID_CREDENTIALS");
        assertProblem(unknownEmail, 401, "INVALID_CREDENTIALS");
        assertThat(wrongPassword.text()).isEqualTo(unknownEmail.text());
        assertThat(wrongPassword.header("WWW-Authenticate")).isEqualTo(unknownEmail.header("WWW-Authenticate"));
    }

    @Test
    void loginWhenEmailUnknownThenTakesAsLongAsWrongPassword() {
        String email = uniqueEmail();
        http.register(email, PASSWORD);
        Map<String, String> wrongPassword = Map.of("email", email, "password", PASSWORD + "!");
        Map<String, String> unknownEmail = Map.of("email", uniqueEmail(), "password", PASSWORD);

        long wrongPasswordNanos = medianLoginNanos(wrongPassword);
        long unknownEmailNanos = medianLoginNanos(unknownEmail);

        // Without the dummy hash an unknown email returns about ten times faster at cost 8.
        assertThat((double) unknownEmailNanos / wrongPasswordNanos).isBetween(0.5, 2.0);
    }

    private long medianLoginNanos(Map<String, String> credentials) {
        long[] samples = new long[9];
        for (int i = 0; i < samples.length; i++) {
            long start = System.nanoTime();
            http.post("api/auth/login").json(credentials).send();
            samples[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(samples);
        return samples[samples.length / 2];
    }

    @Test
    void meWhenBearerTokenThenReturnsCaller() {
        String email = uniqueEmail();
        String id = http.register(email, PASSWORD).json().path("id").asText();
        String accessToken = http.login(email, PASSWORD).json().path("accessToken").asText();

        Response response = http.get("api/auth/me").bearer(accessToken).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("id").asText()).isEqualTo(id);
        assertThat(response.json().path("email").asText()).isEqualTo(email);
        assertThat(response.json().path("role").asText()).isEqualTo("user");
        assertThat(response.json().path("permissions").get(0).asText()).isEqualTo("properties:read");
    }

    @Test
    void meWhenCookieThenReturnsCaller() {
        String email = uniqueEmail();
        http.register(email, PASSWORD);
        String accessToken = http.login(email, PASSWORD).cookieValue("accessToken");

        Response response = http.get("api/auth/me").cookie("accessToken", accessToken).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("email").asText()).isEqualTo(email);
    }

    @Test
    void meWhenCookieAndBearerThenCookieWins() {
        String first = uniqueEmail();
        String second = uniqueEmail();
        http.register(first, PASSWORD);
        http.register(second, PASSWORD);
        String firstToken = http.login(first, PASSWORD).cookieValue("accessToken");
        String secondToken = http.login(second, PASSWORD).cookieValue("accessToken");

        Response response = http.get("api/auth/me").cookie("accessToken", firstToken).bearer(secondToken).send();

        assertThat(response.json().path("email").asText()).isEqualTo(first);
    }

    @Test
    void refreshWhenBodyTokenThenRotates() {
        String email = uniqueEmail();
        http.register(email, PASSWORD);
        String refreshToken = http.login(email, PASSWORD).json().path("refreshToken").asText();

        Response response = http.post("api/auth/refresh").json(Map.of("refreshToken", refreshToken)).send();

        assertThat(response.status()).isEqualTo(200);
        String rotated = response.json().path("refreshToken").asText();
        assertThat(rotated).isNotBlank().isNotEqualTo(refreshToken);
        Response me = http.get("api/auth/me").bearer(response.json().path("accessToken").asText()).send();
        assertThat(me.status()).isEqualTo(200);
    }

    @Test
    void refreshWhenCookieWithoutBodyThenRotates() {
        String email = uniqueEmail();
        http.register(email, PASSWORD);
        String refreshToken = http.login(email, PASSWORD).cookieValue("refreshToken");

        Response response = http.post("api/auth/refresh").sameOrigin().cookie("refreshToken", refreshToken)
                .header("Gatehouse-Token-Delivery", "cookie")
                .send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().has("refreshToken")).isFalse();
        assertThat(response.cookieValue("refreshToken")).isNotBlank().isNotEqualTo(refreshToken);
        assertThat(response.cookieValue("accessToken")).isNotBlank();
    }

    @Test
    void refreshWhenTokenReusedThenRevokesFamilyIncludingNewest() {
        String email = uniqueEmail();
        http.register(email, PASSWORD);
        String first = http.login(email, PASSWORD).json().path("refreshToken").asText();
        String second = refresh(first).json().path("refreshToken").asText();
        String third = refresh(second).json().path("refreshToken").asText();

        Response reuse = http.post("api/auth/refresh").json(Map.of("refreshToken", first)).send();
        Response newest = http.post("api/auth/refresh").json(Map.of("refreshToken", third)).send();

        assertProblem(reuse, 401, "TOKEN_REUSED");
        assertThat(reuse.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
        assertProblem(newest, 401, "TOKEN_REVOKED");
    }

    @Test
    void refreshWhenReuseDetectedThenOtherSessionsSurvive() {
        String email = uniqueEmail();
        http.register(email, PASSWORD);
        String stolen = http.login(email, PASSWORD).json().path("refreshToken").asText();
        String otherDevice = http.login(email, PASSWORD).json().path("refreshToken").asText();
        refresh(stolen);

        http.post("api/auth/refresh").json(Map.of("refreshToken", stolen)).send();
        Response other = http.post("api/auth/refresh").json(Map.of("refreshToken", otherDevice)).send();

        assertThat(other.status()).isEqualTo(200);
    }

    @Test
    void refreshWhenNoTokenThenMissingToken() {
        Response response = http.post("api/auth/refresh").send();

        assertProblem(response, 401, "MISSING_TOKEN");
    }

    @Test
    void refreshWhenGarbageThenInvalidToken() {
        Response response = http.post("api/auth/refresh").json(Map.of("refreshToken", "not.a.jwt")).send();

        assertProblem(response, 401, "INVALID_TOKEN");
    }

    @Test
    void refreshWhenGivenAccessTokenThenInvalidToken() {
        String email = uniqueEmail();
        http.register(email, PASSWORD);
        String accessToken = http.login(email, PASSWORD).json().path("accessToken").asText();

        Response response = http.post("api/auth/refresh").json(Map.of("refreshToken", accessToken)).send();

        assertProblem(response, 401, "INVALID_TOKEN");
    }

    @Test
    void logoutWhenCookieThenRevokesSessionAndClearsCookies() {
        String email = uniqueEmail();
        http.register(email, PASSWORD);
        String refreshToken = http.login(email, PASSWORD).cookieValue("refreshToken");

        Response response = http.post("api/auth/logout").sameOrigin().cookie("refreshToken", refreshToken).send();

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.setCookie("accessToken"))
                .isEqualTo("accessToken=; Path=/authflow; Max-Age=0; HttpOnly; Secure; SameSite=Strict");
        assertThat(response.setCookie("refreshToken"))
                .isEqualTo("refreshToken=; Path=/authflow/api/auth; Max-Age=0; HttpOnly; Secure; SameSite=Strict");
        Response refresh = http.post("api/auth/refresh").sameOrigin().cookie("refreshToken", refreshToken).send();
        assertProblem(refresh, 401, "TOKEN_REVOKED");
    }

    @Test
    void logoutWhenBodyTokenThenRevokesRotatedChain() {
        String email = uniqueEmail();
        http.register(email, PASSWORD);
        String first = http.login(email, PASSWORD).json().path("refreshToken").asText();
        String second = refresh(first).json().path("refreshToken").asText();

        Response response = http.post("api/auth/logout").json(Map.of("refreshToken", second)).send();

        assertThat(response.status()).isEqualTo(204);
        assertProblem(http.post("api/auth/refresh").json(Map.of("refreshToken", second)).send(), 401, "TOKEN_REVOKED");
    }

    @Test
    void logoutWhenNoTokenThenClearsCookies() {
        Response response = http.post("api/auth/logout").send();

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.setCookie("accessToken")).contains("Max-Age=0");
    }

    @Test
    void unknownRouteThenNotFoundProblem() {
        Response response = http.get("api/nothing-here").send();

        assertProblem(response, 404, "NOT_FOUND");
    }

    @Test
    void unknownRouteOutsideApiThenNotFoundProblem() {
        Response response = http.get("index.html").send();

        assertProblem(response, 404, "NOT_FOUND");
    }

    @Test
    void wrongMethodThenMethodNotAllowedProblem() {
        Response response = http.request("DELETE", "api/auth/login").send();

        assertProblem(response, 405, "METHOD_NOT_ALLOWED");
        assertThat(response.header("Allow")).contains("POST");
    }

    private Response refresh(String refreshToken) {
        Response response = http.post("api/auth/refresh").json(Map.of("refreshToken", refreshToken)).send();
        assertThat(response.status()).as("refresh: %s", response).isEqualTo(200);
        return response;
    }

    static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("type").asText()).startsWith("urn:gatehouse:problem:");
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(response.text()).doesNotContain("Exception").doesNotContain("\tat ");
        if (status == 401) {
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        }
    }
}
