package io.gatehouse.it;

import static io.gatehouse.it.AuthFlowIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import io.gatehouse.support.Http.Response;
import io.gatehouse.support.TestWar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.h2.tools.Server;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The database goes away while Gatehouse runs: requests that need it get 503
 * {@code DATABASE_UNAVAILABLE}, and service resumes when the database is back. The database is an
 * H2 server on a loopback port that the test stops and starts.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DatabaseOutageIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Path BASE_DIRECTORY = Path.of("target", "outage-" + UUID.randomUUID()).toAbsolutePath();
    private static final int PORT = freePort();
    private static Server server = startServer();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWar.production()
                .with("gatehouse.database.url", "jdbc:h2:tcp://127.0.0.1:" + PORT + "/gatehouse;LOCK_TIMEOUT=10000")
                .with("gatehouse.database.connection-timeout", "PT1S")
                .build("outage");
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @Test
    void requestsWhenDatabaseDownThenServiceUnavailableUntilItReturns() throws InterruptedException {
        Http http = new Http(base);
        String email = "outage-" + UUID.randomUUID() + "@example.com";
        http.register(email, PASSWORD);
        assertThat(http.get("api/health").send().status()).isEqualTo(200);

        server.stop();
        Response health = http.get("api/health").send();
        Response login = http.post("api/auth/login").json(Map.of("email", email, "password", PASSWORD)).send();
        Response register = http.post("api/auth/register")
                .json(Map.of("email", "late-" + UUID.randomUUID() + "@example.com", "password", PASSWORD)).send();

        assertProblem(health, 503, "DATABASE_UNAVAILABLE");
        assertThat(http.get("api/health/live").send().status()).as("liveness ignores the database").isEqualTo(200);
        assertProblem(login, 503, "DATABASE_UNAVAILABLE");
        assertProblem(register, 503, "DATABASE_UNAVAILABLE");
        assertThat(login.text()).doesNotContain("jdbc").doesNotContain("SQL").doesNotContain("127.0.0.1:" + PORT);

        server = startServer();
        assertThat(awaitHealthy(http)).isTrue();
        assertThat(http.login(email, PASSWORD).status()).isEqualTo(200);
    }

    /** Polls health for up to ten seconds, while the pool replaces its broken connections. */
    private static boolean awaitHealthy(Http http) throws InterruptedException {
        for (int attempt = 0; attempt < 20; attempt++) {
            if (http.get("api/health").send().status() == 200) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    private static Server startServer() {
        try {
            return Server.createTcpServer("-tcpPort", String.valueOf(PORT), "-ifNotExists",
                    "-baseDir", BASE_DIRECTORY.toString()).start();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot start the H2 server on port " + PORT, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
