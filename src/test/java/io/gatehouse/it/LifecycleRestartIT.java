package io.gatehouse.it;

import static io.gatehouse.it.AuthFlowIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.support.Events;
import io.gatehouse.support.Http;
import io.gatehouse.support.Http.Response;
import io.gatehouse.support.TestWar;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The denylist and the event queue across a restart on the same database. The first run writes
 * events only every hour, so the events it recorded reach the database only through the final
 * write on undeploy.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LifecycleRestartIT {

    private static final String FIRST_RUN = "lifecycle-restart-first";
    private static final String SECOND_RUN = "lifecycle-restart-second";
    private static final String ADMIN_EMAIL = "restart-admin@example.com";
    private static final String ADMIN_PASSWORD = "admin pass phrase for restart tests";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String EMAIL = "restart-" + UUID.randomUUID() + "@example.com";
    private static final String DATABASE_URL = "jdbc:h2:file:"
            + Path.of("target", "lifecycle-restart-" + UUID.randomUUID()).toAbsolutePath() + ";LOCK_TIMEOUT=10000";

    private static String userId;
    private static String revokedAccessToken;
    private static String liveAccessToken;

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = FIRST_RUN, managed = false, testable = false)
    static WebArchive firstRun() {
        return war().with("gatehouse.audit.flush-interval", "PT1H").build(FIRST_RUN);
    }

    @Deployment(name = SECOND_RUN, managed = false, testable = false)
    static WebArchive secondRun() {
        return war().with("gatehouse.audit.flush-interval", "PT0.1S").build(SECOND_RUN);
    }

    private static TestWar war() {
        return TestWar.production()
                .with("gatehouse.database.url", DATABASE_URL)
                .with("gatehouse.admin.email", ADMIN_EMAIL)
                .with("gatehouse.admin.password", ADMIN_PASSWORD);
    }

    @Test
    @Order(1)
    void startFirstRun() {
        deployer.deploy(FIRST_RUN);
    }

    @Test
    @Order(2)
    void logoutOneSessionThenStop(@ArquillianResource @OperateOnDeployment(FIRST_RUN) URL base) {
        Http http = new Http(base);
        userId = http.register(EMAIL, PASSWORD).json().path("id").asText();
        Response endedSession = http.login(EMAIL, PASSWORD);
        Response keptSession = http.login(EMAIL, PASSWORD);
        revokedAccessToken = endedSession.json().path("accessToken").asText();
        liveAccessToken = keptSession.json().path("accessToken").asText();
        http.post("api/auth/logout").json(Map.of("refreshToken", endedSession.json().path("refreshToken").asText())).send();
        assertProblem(http.get("api/auth/me").bearer(revokedAccessToken).send(), 401, "TOKEN_REVOKED");

        deployer.undeploy(FIRST_RUN);
        deployer.deploy(SECOND_RUN);
    }

    @Test
    @Order(3)
    void afterRestartDenylistAndEventsSurvive(@ArquillianResource @OperateOnDeployment(SECOND_RUN) URL base) {
        try {
            Http http = new Http(base);
            String admin = http.login(ADMIN_EMAIL, ADMIN_PASSWORD).json().path("accessToken").asText();

            List<JsonNode> firstRunEvents = Events.list(http, admin, "userId=" + userId);

            assertThat(firstRunEvents).extracting(event -> event.path("type").asText())
                    .containsExactlyInAnyOrder("token_validation_failure", "logout", "login", "login", "registration");
            assertProblem(http.get("api/auth/me").bearer(revokedAccessToken).send(), 401, "TOKEN_REVOKED");
            assertThat(http.get("api/auth/me").bearer(liveAccessToken).send().status()).isEqualTo(200);
        } finally {
            deployer.undeploy(SECOND_RUN);
        }
    }
}
