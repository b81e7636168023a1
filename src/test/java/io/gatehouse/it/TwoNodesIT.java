package io.gatehouse.it;

import static io.gatehouse.it.AuthFlowIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.support.Events;
import io.gatehouse.support.Http;
import io.gatehouse.support.Http.Response;
import io.gatehouse.support.TestWar;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two deployments on one shared database act as two nodes: a revocation on one reaches the
 * other within the denylist refresh interval, and detection combines the events of both.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TwoNodesIT {

    private static final String NODE_A = "node-a";
    private static final String NODE_B = "node-b";
    private static final String ADMIN_EMAIL = "nodes-admin@example.com";
    private static final String ADMIN_PASSWORD = "admin pass phrase for two nodes";
    private static final String PASSWORD = "correct horse battery staple";
    /**
     * A file database in H2's automatic mixed mode, which both nodes share even where each web
     * application loads its own copy of H2 (Tomcat) and would get an in-memory database of its own.
     */
    private static final String DATABASE_URL = "jdbc:h2:file:"
            + java.nio.file.Path.of("target", "two-nodes-" + UUID.randomUUID()).toAbsolutePath()
            + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000";
    private static final long REFRESH_WAIT_MILLIS = 5_000;

    @Deployment(name = NODE_A, testable = false, order = 1)
    static WebArchive nodeA() {
        return node().build(NODE_A);
    }

    @Deployment(name = NODE_B, testable = false, order = 2)
    static WebArchive nodeB() {
        return node().build(NODE_B);
    }

    private static TestWar node() {
        return TestWar.production()
                .with("gatehouse.database.url", DATABASE_URL)
                .with("gatehouse.admin.email", ADMIN_EMAIL)
                .with("gatehouse.admin.password", ADMIN_PASSWORD)
                .with("gatehouse.session.denylist-refresh-interval", "PT0.5S")
                .with("gatehouse.audit.flush-interval", "PT0.1S")
                .with("gatehouse.detection.interval", "PT0.5S")
                .with("gatehouse.detection.failure-burst-threshold", "2");
    }

    @Test
    void revocationOnOneNodeReachesTheOther(@ArquillianResource @OperateOnDeployment(NODE_A) URL baseA,
            @ArquillianResource @OperateOnDeployment(NODE_B) URL baseB) {
        Http nodeA = new Http(baseA);
        Http nodeB = new Http(baseB);
        String email = "nodes-" + UUID.randomUUID() + "@example.com";
        nodeA.register(email, PASSWORD);
        Response login = nodeA.login(email, PASSWORD);
        String accessToken = login.json().path("accessToken").asText();
        assertThat(nodeB.get("api/auth/me").bearer(accessToken).send().status()).isEqualTo(200);

        nodeA.post("api/auth/logout").json(Map.of("refreshToken", login.json().path("refreshToken").asText())).send();

        assertProblem(nodeA.get("api/auth/me").bearer(accessToken).send(), 401, "TOKEN_REVOKED");
        long deadline = System.nanoTime() + REFRESH_WAIT_MILLIS * 1_000_000;
        Response onB = nodeB.get("api/auth/me").bearer(accessToken).send();
        while (onB.status() == 200 && System.nanoTime() < deadline) {
            Events.sleep(100);
            onB = nodeB.get("api/auth/me").bearer(accessToken).send();
        }
        assertProblem(onB, 401, "TOKEN_REVOKED");
    }

    @Test
    void detectionSeesEventsOfBothNodes(@ArquillianResource @OperateOnDeployment(NODE_A) URL baseA,
            @ArquillianResource @OperateOnDeployment(NODE_B) URL baseB) {
        Http nodeA = new Http(baseA);
        Http nodeB = new Http(baseB);
        String email = "spread-" + UUID.randomUUID() + "@example.com";
        String userId = nodeA.register(email, PASSWORD).json().path("id").asText();
        nodeA.post("api/auth/login").json(Map.of("email", email, "password", "wrong password 1")).send();
        nodeB.post("api/auth/login").json(Map.of("email", email, "password", "wrong password 2")).send();

        nodeB.login(email, PASSWORD);

        String admin = nodeA.login(ADMIN_EMAIL, ADMIN_PASSWORD).json().path("accessToken").asText();
        List<JsonNode> found = Events.await(nodeA, admin, "type=suspicious_activity&userId=" + userId,
                event -> event.path("detail").asText().equals("rule=success_after_failures count=2"), 1);
        assertThat(found).isNotEmpty();
    }
}
