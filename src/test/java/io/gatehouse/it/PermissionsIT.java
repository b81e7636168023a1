package io.gatehouse.it;

import static io.gatehouse.it.AuthFlowIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import io.gatehouse.support.Http;
import io.gatehouse.support.Http.Response;
import io.gatehouse.support.TestWar;
import io.gatehouse.support.Tokens;
import java.net.URL;
import java.time.Instant;
import java.util.Date;
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

/** {@code @RequiresPermission} on the example resource, the admin bootstrap and token rejection. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PermissionsIT {

    static final String ADMIN_EMAIL = "admin@example.com";
    static final String ADMIN_PASSWORD = "admin pass phrase for gatehouse tests";
    private static final String PASSWORD = "correct horse battery staple";

    @ArquillianResource
    private URL base;

    private Http http;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWar.production()
                .with("gatehouse.admin.email", ADMIN_EMAIL)
                .with("gatehouse.admin.password", ADMIN_PASSWORD)
                .build("permissions");
    }

    @BeforeEach
    void setUp() {
        http = new Http(base);
    }

    private String userToken() {
        String email = "user-" + UUID.randomUUID() + "@example.com";
        http.register(email, PASSWORD);
        return http.login(email, PASSWORD).json().path("accessToken").asText();
    }

    private String adminToken() {
        return http.login(ADMIN_EMAIL, ADMIN_PASSWORD).json().path("accessToken").asText();
    }

    @Test
    void adminBootstrapCreatesAdminWithWildcard() {
        Response me = http.get("api/auth/me").bearer(adminToken()).send();

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("role").asText()).isEqualTo("admin");
        assertThat(me.json().path("permissions").toString()).isEqualTo("[\"*\"]");
    }

    @Test
    void listWhenUserHasReadPermissionThenOk() {
        Response response = http.get("api/properties").bearer(userToken()).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().isArray()).isTrue();
    }

    @Test
    void createWhenUserLacksWriteThenForbiddenWithRequiredList() {
        Response response = http.post("api/properties").bearer(userToken())
                .json(Map.of("name", "Harbour View", "city", "Lisbon")).send();

        assertProblem(response, 403, "INSUFFICIENT_PERMISSIONS");
        assertThat(response.json().path("required").toString()).isEqualTo("[\"properties:read\",\"properties:write\"]");
        assertThat(response.header("WWW-Authenticate")).contains("error=\"insufficient_scope\"");
    }

    @Test
    void createWhenAdminThenCreatedAndReadable() {
        Response created = http.post("api/properties").bearer(adminToken())
                .json(Map.of("name", "Harbour View", "city", "Lisbon")).send();

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(created.header("Location")).endsWith("/api/properties/" + id);
        Response fetched = http.get("api/properties/" + id).bearer(userToken()).send();
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().path("city").asText()).isEqualTo("Lisbon");
    }

    @Test
    void createWhenFieldMissingThenMalformed() {
        Response response = http.post("api/properties").bearer(adminToken()).json(Map.of("name", "No City")).send();

        assertProblem(response, 400, "MALFORMED_REQUEST");
        assertThat(response.json().path("detail").asText()).contains("'city'");
    }

    @Test
    void getWhenUnknownIdThenNotFound() {
        Response response = http.get("api/properties/" + UUID.randomUUID()).bearer(userToken()).send();

        assertProblem(response, 404, "NOT_FOUND");
    }

    @Test
    void createWhenDomainWildcardThenAllowed() {
        String token = Tokens.access(Tokens.accessClaims(List.of("properties:*")).build());

        Response response = http.post("api/properties").bearer(token)
                .json(Map.of("name", "Wildcard House", "city", "Porto")).send();

        assertThat(response.status()).isEqualTo(201);
    }

    @Test
    void requestWhenNoTokenThenMissingTokenChallenge() {
        Response response = http.get("api/properties").send();

        assertProblem(response, 401, "MISSING_TOKEN");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"gatehouse\"");
    }

    @Test
    void requestWhenOtherAuthorizationSchemeThenMissingToken() {
        Response response = http.get("api/properties").header("Authorization", "Basic dXNlcjpwYXNz").send();

        assertProblem(response, 401, "MISSING_TOKEN");
    }

    @Test
    void requestWhenBearerWithoutTokenThenMissingToken() {
        Response response = http.get("api/properties").header("Authorization", "Bearer ").send();

        assertProblem(response, 401, "MISSING_TOKEN");
    }

    @Test
    void getWhenIdIsNotUuidThenNotFoundNamingParameter() {
        Response response = http.get("api/properties/not-a-uuid").bearer(userToken()).send();

        assertProblem(response, 404, "NOT_FOUND");
        assertThat(response.json().path("detail").asText()).isEqualTo("Path parameter 'id' has an invalid value.");
    }

    @Test
    void requestWhenGarbageTokenThenInvalidToken() {
        Response response = http.get("api/properties").bearer("garbage").send();

        assertProblem(response, 401, "INVALID_TOKEN");
        assertThat(response.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
    }

    @Test
    void requestWhenExpiredThenTokenExpired() {
        Instant past = Instant.now().minusSeconds(3600);
        String token = Tokens.access(Tokens.accessClaims(List.of("properties:read"))
                .issueTime(Date.from(past)).notBeforeTime(Date.from(past))
                .expirationTime(Date.from(past.plusSeconds(900))).build());

        Response response = http.get("api/properties").bearer(token).send();

        assertProblem(response, 401, "TOKEN_EXPIRED");
        assertThat(response.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
    }

    @Test
    void requestWhenUnsecuredAlgNoneThenInvalidToken() {
        String token = Tokens.unsecured(Tokens.accessClaims(List.of("*")).build());

        assertProblem(http.get("api/properties").bearer(token).send(), 401, "INVALID_TOKEN");
    }

    @Test
    void requestWhenSignedWithRefreshSecretThenInvalidToken() {
        String token = Tokens.sign(Tokens.accessClaims(List.of("*")).build(), TestWar.REFRESH_SECRET, JWSAlgorithm.HS256, "at+jwt");

        assertProblem(http.get("api/properties").bearer(token).send(), 401, "INVALID_TOKEN");
    }

    @Test
    void requestWhenRefreshTokenPresentedThenInvalidToken() {
        String email = "user-" + UUID.randomUUID() + "@example.com";
        http.register(email, PASSWORD);
        String refreshToken = http.login(email, PASSWORD).json().path("refreshToken").asText();

        assertProblem(http.get("api/properties").bearer(refreshToken).send(), 401, "INVALID_TOKEN");
    }

    @Test
    void requestWhenWrongAudienceThenInvalidToken() {
        String token = Tokens.access(Tokens.accessClaims(List.of("*")).audience("another-service").build());

        assertProblem(http.get("api/properties").bearer(token).send(), 401, "INVALID_TOKEN");
    }

    @Test
    void requestWhenTokenCookieThenAuthenticated() {
        Response response = http.get("api/properties").cookie("accessToken", userToken()).send();

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void publicHealthNeedsNoToken() {
        assertThat(http.get("api/health").send().status()).isEqualTo(200);
    }
}
