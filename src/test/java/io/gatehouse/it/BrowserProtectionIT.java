package io.gatehouse.it;

import static io.gatehouse.it.AuthFlowIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import io.gatehouse.support.Http.Response;
import io.gatehouse.support.TestWar;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

/** CORS, CSRF, security headers and input limits, as a browser and a careless client meet them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserProtectionIT {

    private static final String APP = "https://app.example.com";
    private static final String PASSWORD = "correct horse battery staple";

    @ArquillianResource
    private URL base;

    private Http http;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWar.production()
                .with("gatehouse.cors.allowed-origins", APP + ",http://localhost:3000")
                .with("gatehouse.cors.max-age", "PT5M")
                .with("gatehouse.headers.connect-sources", "https://api.example.com")
                .with("jwt.max-token-length", "2048")
                .build("browser");
    }

    @BeforeEach
    void setUp() {
        http = new Http(base);
    }

    private String refreshCookie() {
        String email = "browser-" + UUID.randomUUID() + "@example.com";
        http.register(email, PASSWORD);
        return http.login(email, PASSWORD).cookieValue("refreshToken");
    }

    // CORS

    @Test
    void corsWhenListedOriginThenAllowedWithCredentials() {
        Response response = http.get("api/health").header("Origin", APP).send();

        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(response.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(response.header("Access-Control-Expose-Headers")).contains("RateLimit-Remaining");
        assertThat(response.headers("Vary")).anySatisfy(vary -> assertThat(vary).contains("Origin"));
    }

    @Test
    void corsWhenUnlistedOriginsThenNoCorsHeaders() {
        for (String origin : List.of("https://evil.test", "null", "https://app.example.com.evil.test",
                "https://evil-app.example.com", "http://app.example.com", "https://app.example.com:8443")) {
            Response response = http.get("api/health").header("Origin", origin).send();

            assertThat(response.status()).as(origin).isEqualTo(200);
            assertThat(response.header("Access-Control-Allow-Origin")).as(origin).isNull();
            assertThat(response.header("Access-Control-Allow-Credentials")).as(origin).isNull();
            assertThat(response.headers("Vary")).as(origin).anySatisfy(vary -> assertThat(vary).contains("Origin"));
        }
    }

    @Test
    void corsWhenNoOriginThenNoCorsHeadersButVary() {
        Response response = http.get("api/health").send();

        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
        assertThat(response.headers("Vary")).anySatisfy(vary -> assertThat(vary).contains("Origin"));
    }

    @Test
    void preflightWhenListedOriginThenAllowed() {
        Response response = http.request("OPTIONS", "api/auth/login").header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").send();

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        assertThat(response.header("Access-Control-Allow-Methods")).isEqualTo("GET, POST, PUT, DELETE, OPTIONS");
        assertThat(response.header("Access-Control-Allow-Headers")).contains("Content-Type").contains("Authorization");
        assertThat(response.header("Access-Control-Max-Age")).isEqualTo("300");
        assertThat(response.header("Access-Control-Allow-Credentials")).isEqualTo("true");
    }

    @Test
    void preflightWhenUnlistedOriginThenDenied() {
        for (String origin : List.of("https://evil.test", "null", "https://app.example.com.evil.test")) {
            Response response = http.request("OPTIONS", "api/auth/login").header("Origin", origin)
                    .header("Access-Control-Request-Method", "POST").send();

            assertProblem(response, 403, "CORS_ORIGIN_DENIED");
            assertThat(response.header("Access-Control-Allow-Origin")).isNull();
        }
    }

    // CSRF

    @Test
    void csrfWhenCookieRefreshWithoutOriginThenRejected() {
        Response response = http.post("api/auth/refresh").cookie("refreshToken", refreshCookie()).send();

        assertProblem(response, 403, "CSRF_REJECTED");
    }

    @Test
    void csrfWhenCookieRefreshFromForeignOriginThenRejected() {
        Response response = http.post("api/auth/refresh").header("Origin", "https://evil.test")
                .cookie("refreshToken", refreshCookie()).send();

        assertProblem(response, 403, "CSRF_REJECTED");
    }

    @Test
    void csrfWhenCookieLogoutFromForeignRefererThenRejected() {
        Response response = http.post("api/auth/logout").header("Referer", "https://evil.test/page")
                .cookie("refreshToken", refreshCookie()).send();

        assertProblem(response, 403, "CSRF_REJECTED");
    }

    @Test
    void csrfWhenCookieRefreshFromListedOriginThenAccepted() {
        Response response = http.post("api/auth/refresh").header("Origin", APP)
                .cookie("refreshToken", refreshCookie()).send();

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void csrfWhenCookieRefreshFromOwnOriginRefererThenAccepted() {
        Response response = http.post("api/auth/refresh").header("Referer", http.origin() + "/browser/app")
                .cookie("refreshToken", refreshCookie()).send();

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void csrfWhenBearerOrBodyTokenThenNotChecked() {
        String email = "api-" + UUID.randomUUID() + "@example.com";
        http.register(email, PASSWORD);
        Response login = http.login(email, PASSWORD);

        Response refresh = http.post("api/auth/refresh")
                .json(Map.of("refreshToken", login.json().path("refreshToken").asText())).send();
        Response create = http.post("api/properties").bearer(login.json().path("accessToken").asText())
                .json(Map.of("name", "x", "city", "y")).send();

        assertThat(refresh.status()).isEqualTo(200);
        assertProblem(create, 403, "INSUFFICIENT_PERMISSIONS");
    }

    // Security headers

    @Test
    void securityHeadersOnEveryKindOfResponse() {
        String email = "headers-" + UUID.randomUUID() + "@example.com";
        http.register(email, PASSWORD);
        List<Response> responses = List.of(
                http.get("api/health").send(),
                http.login(email, PASSWORD),
                http.get("api/properties").send(),
                http.get("api/no-such-route").send(),
                http.request("DELETE", "api/health").send(),
                http.post("api/auth/login").body("application/json", "{").send());

        for (Response response : responses) {
            String context = response.status() + " " + response.raw().uri();
            assertThat(response.header("Content-Security-Policy")).as(context)
                    .isEqualTo("default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; "
                            + "connect-src 'self' https://api.example.com");
            assertThat(response.header("X-Content-Type-Options")).as(context).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).as(context).isEqualTo("DENY");
            assertThat(response.header("Referrer-Policy")).as(context).isEqualTo("no-referrer");
            assertThat(response.header("Cross-Origin-Opener-Policy")).as(context).isEqualTo("same-origin");
            assertThat(response.header("Cross-Origin-Resource-Policy")).as(context).isEqualTo("same-origin");
            assertThat(response.header("Permissions-Policy")).as(context).contains("camera=()").contains("geolocation=()");
            assertThat(response.header("Strict-Transport-Security")).as(context)
                    .isEqualTo("max-age=31536000; includeSubDomains; preload");
            assertThat(response.header("Cache-Control")).as(context).contains("no-store");
            assertThat(response.header("Pragma")).as(context).isEqualTo("no-cache");
            assertThat(response.header("X-Powered-By")).as(context).isNull();
            assertThat(response.text()).as(context).doesNotContainIgnoringCase("jetty").doesNotContainIgnoringCase("tomcat");
        }
    }

    // Input limits

    @Test
    void bodyWhenOverLimitThenPayloadTooLarge() {
        String padding = "x".repeat(17 * 1024);

        Response response = http.post("api/auth/login")
                .json(Map.of("email", "big@example.com", "password", PASSWORD, "padding", padding)).send();

        assertProblem(response, 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void chunkedBodyWhenOverLimitThenPayloadTooLarge() throws Exception {
        byte[] body = ("{\"email\":\"big@example.com\",\"password\":\"" + "x".repeat(20 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/auth/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
    }

    @Test
    void tokenWhenOverLengthLimitThenInvalidToken() {
        String huge = "eyJhbGciOiJIUzI1NiJ9." + "A".repeat(3 * 1024) + ".sig";

        assertProblem(http.get("api/auth/me").bearer(huge).send(), 401, "INVALID_TOKEN");
        assertProblem(http.post("api/auth/refresh").json(Map.of("refreshToken", huge)).send(), 401, "INVALID_TOKEN");
    }
}
