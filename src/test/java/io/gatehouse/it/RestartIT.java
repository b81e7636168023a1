package io.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import io.gatehouse.support.Http.Response;
import io.gatehouse.support.TestWar;
import java.net.URL;
import java.nio.file.Path;
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
 * Users and refresh tokens survive stopping the application and starting it again on the same
 * database. The two runs are two deployments of the same WAR and settings; the steps are separate
 * ordered tests because Arquillian resolves a deployment's URL only once it is deployed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestartIT {

    private static final String FIRST_RUN = "restart-first";
    private static final String SECOND_RUN = "restart-second";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String EMAIL = "survivor-" + UUID.randomUUID() + "@example.com";
    private static final String DATABASE_URL = "jdbc:h2:file:"
            + Path.of("target", "restart-" + UUID.randomUUID()).toAbsolutePath() + ";LOCK_TIMEOUT=10000";

    private static String refreshToken;

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = FIRST_RUN, managed = false, testable = false)
    static WebArchive firstRun() {
        return TestWar.production().with("gatehouse.database.url", DATABASE_URL).build(FIRST_RUN);
    }

    @Deployment(name = SECOND_RUN, managed = false, testable = false)
    static WebArchive secondRun() {
        return TestWar.production().with("gatehouse.database.url", DATABASE_URL).build(SECOND_RUN);
    }

    @Test
    @Order(1)
    void startFirstRun() {
        deployer.deploy(FIRST_RUN);
    }

    @Test
    @Order(2)
    void registerLoginThenStop(@ArquillianResource @OperateOnDeployment(FIRST_RUN) URL base) {
        Http http = new Http(base);
        http.register(EMAIL, PASSWORD);
        refreshToken = http.login(EMAIL, PASSWORD).json().path("refreshToken").asText();

        deployer.undeploy(FIRST_RUN);
        deployer.deploy(SECOND_RUN);
    }

    @Test
    @Order(3)
    void afterRestartLoginAndRefreshWork(@ArquillianResource @OperateOnDeployment(SECOND_RUN) URL base) {
        try {
            Http http = new Http(base);
            Response login = http.post("api/auth/login").json(Map.of("email", EMAIL, "password", PASSWORD)).send();
            Response refresh = http.post("api/auth/refresh").json(Map.of("refreshToken", refreshToken)).send();

            assertThat(refreshToken).isNotBlank();
            assertThat(login.status()).as("login after restart: %s", login).isEqualTo(200);
            assertThat(refresh.status()).as("refresh after restart: %s", refresh).isEqualTo(200);
        } finally {
            deployer.undeploy(SECOND_RUN);
        }
    }
}
