package io.gatehouse.it;

import static io.gatehouse.it.AuthFlowIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Events;
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
 * The refresh reuse grace period, set to two seconds: a retry of the token rotated just before
 * gets a new pair of the same session, while a retry after the period is reuse.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReuseGracePeriodIT {

    private static final String PASSWORD = "correct horse battery staple";
    /** Token times have one-second precision, so three seconds are safely past a two-second period. */
    private static final long PAST_GRACE_MILLIS = 3_100;

    @ArquillianResource
    private URL base;

    private Http http;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWar.production().with("gatehouse.session.reuse-grace-period", "PT2S").build("reusegrace");
    }

    @BeforeEach
    void setUp() {
        http = new Http(base);
    }

    private Response login() {
        String email = "user-" + UUID.randomUUID() + "@example.com";
        http.register(email, PASSWORD);
        return http.login(email, PASSWORD);
    }

    private Response refresh(String refreshToken) {
        return http.post("api/auth/refresh").json(Map.of("refreshToken", refreshToken)).send();
    }

    private static String refreshToken(Response response) {
        return response.json().path("refreshToken").asText();
    }

    private static String accessToken(Response response) {
        return response.json().path("accessToken").asText();
    }

    @Test
    void retryWithinGraceGetsNewPair() {
        Response login = login();
        Response first = refresh(refreshToken(login));
        assertThat(first.status()).isEqualTo(200);

        Response retry = refresh(refreshToken(login));

        assertThat(retry.status()).as("retry: %s", retry).isEqualTo(200);
        assertThat(refreshToken(retry)).isNotEqualTo(refreshToken(first));
        assertThat(http.get("api/auth/me").bearer(accessToken(retry)).send().status()).isEqualTo(200);
        assertThat(http.get("api/auth/me").bearer(accessToken(first)).send().status()).isEqualTo(200);
        assertThat(http.get("api/auth/sessions").bearer(accessToken(retry)).send().json().size()).isEqualTo(1);
        assertThat(refresh(refreshToken(retry)).status()).isEqualTo(200);
    }

    @Test
    void retryAfterGraceIsReuse() {
        Response login = login();
        Response first = refresh(refreshToken(login));
        assertThat(first.status()).isEqualTo(200);
        Events.sleep(PAST_GRACE_MILLIS);

        Response retry = refresh(refreshToken(login));

        assertProblem(retry, 401, "TOKEN_REUSED");
        assertProblem(refresh(refreshToken(first)), 401, "TOKEN_REVOKED");
        assertProblem(http.get("api/auth/me").bearer(accessToken(first)).send(), 401, "TOKEN_REVOKED");
    }

    @Test
    void olderTokenWithinGraceIsReuse() {
        Response login = login();
        Response first = refresh(refreshToken(login));
        Response second = refresh(refreshToken(first));
        assertThat(second.status()).isEqualTo(200);

        Response retry = refresh(refreshToken(login));

        assertProblem(retry, 401, "TOKEN_REUSED");
        assertProblem(refresh(refreshToken(second)), 401, "TOKEN_REVOKED");
    }
}
