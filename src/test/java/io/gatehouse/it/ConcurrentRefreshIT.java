package io.gatehouse.it;

import static io.gatehouse.it.AuthFlowIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import io.gatehouse.support.Http.Response;
import io.gatehouse.support.TestDatabase;
import io.gatehouse.support.TestWar;
import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many parallel refreshes of one token: exactly one wins, the rest are reuse, and the database
 * contains a consistent family afterwards. The test reads the database directly through H2's
 * automatic mixed mode, which lets a second process, here the test, share the file database.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConcurrentRefreshIT {

    private static final int PARALLEL_REQUESTS = 10;
    private static final String PASSWORD = "correct horse battery staple";
    private static final String DATABASE_URL = "jdbc:h2:file:"
            + Path.of("target", "concurrent-refresh-" + UUID.randomUUID()).toAbsolutePath()
            + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWar.production().with("gatehouse.database.url", DATABASE_URL).build("concurrent");
    }

    @Test
    void refreshWhenParallelThenExactlyOneSucceeds() throws Exception {
        Http http = new Http(base);
        String email = "racer-" + UUID.randomUUID() + "@example.com";
        String userId = http.register(email, PASSWORD).json().path("id").asText();
        String refreshToken = http.login(email, PASSWORD).json().path("refreshToken").asText();

        List<Response> responses = refreshInParallel(http, refreshToken);

        List<Response> successes = responses.stream().filter(response -> response.status() == 200).toList();
        assertThat(successes).hasSize(1);
        responses.stream().filter(response -> response.status() != 200)
                .forEach(response -> assertProblem(response, 401, "TOKEN_REUSED"));
        String winnerToken = successes.get(0).json().path("refreshToken").asText();
        assertProblem(http.post("api/auth/refresh").json(Map.of("refreshToken", winnerToken)).send(), 401, "TOKEN_REVOKED");
        assertFamilyConsistent(userId);
    }

    private static List<Response> refreshInParallel(Http http, String refreshToken) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_REQUESTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < PARALLEL_REQUESTS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return http.post("api/auth/refresh").json(Map.of("refreshToken", refreshToken)).send();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One login token plus exactly one successor, both revoked, and the successor linked. */
    private static void assertFamilyConsistent(String userId) throws SQLException {
        try (Connection connection = TestDatabase.connect(DATABASE_URL);
                PreparedStatement query = connection.prepareStatement(
                        "select jti, revoked_at, revoke_reason, replaced_by from refresh_token where user_id = ? order by issued_at")) {
            query.setObject(1, UUID.fromString(userId));
            List<String> reasons = new ArrayList<>();
            List<Object> replacedBy = new ArrayList<>();
            List<Object> jtis = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    assertThat(rows.getObject("revoked_at")).as("revoked_at").isNotNull();
                    jtis.add(rows.getObject("jti"));
                    reasons.add(rows.getString("revoke_reason"));
                    replacedBy.add(rows.getObject("replaced_by"));
                }
            }
            assertThat(jtis).hasSize(2);
            assertThat(reasons).containsExactlyInAnyOrder("ROTATED", "REUSE_DETECTED");
            assertThat(replacedBy.stream().filter(value -> value != null).toList()).hasSize(1);
            assertThat(jtis).contains(replacedBy.stream().filter(value -> value != null).findFirst().orElseThrow());
        }
    }
}
