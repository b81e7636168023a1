package io.gatehouse.it;

import static io.gatehouse.it.AuthFlowIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.support.Events;
import io.gatehouse.support.Http;
import io.gatehouse.support.Http.Response;
import io.gatehouse.support.TestWar;
import java.net.URL;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rate limits on login, refresh and registration. The test client is a trusted proxy here, so
 * each test picks its own client address with X-Forwarded-For and gets budgets of its own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RateLimitIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String ADMIN_EMAIL = "limits-admin@example.com";

    @ArquillianResource
    private URL base;

    private Http http;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWar.production()
                .with("gatehouse.proxy.trusted-addresses", "127.0.0.1,::1")
                .with("gatehouse.rate-limit.login-per-ip.limit", "5")
                .with("gatehouse.rate-limit.login-per-ip.window", "PT15M")
                .with("gatehouse.rate-limit.login-per-account.limit", "8")
                .with("gatehouse.rate-limit.refresh-per-ip.limit", "10")
                .with("gatehouse.rate-limit.refresh-per-ip.window", "PT5M")
                .with("gatehouse.rate-limit.register-per-ip.limit", "3")
                .with("gatehouse.rate-limit.register-per-ip.window", "PT2S")
                .with("gatehouse.lockout.max-failures", "1000")
                .with("gatehouse.admin.email", ADMIN_EMAIL)
                .with("gatehouse.admin.password", PASSWORD)
                .with("gatehouse.audit.flush-interval", "PT0.1S")
                .build("ratelimit");
    }

    @BeforeEach
    void setUp() {
        http = new Http(base);
    }

    private Response login(String clientIp, String email) {
        return http.post("api/auth/login").header("X-Forwarded-For", clientIp)
                .json(Map.of("email", email, "password", "wrong password attempt")).send();
    }

    @Test
    void loginWhenOverIpLimitThenRateLimitedWithHeaders() {
        String ip = "198.51.100.10";
        for (int attempt = 1; attempt <= 5; attempt++) {
            Response response = login(ip, "victim-" + attempt + "@example.com");
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.header("RateLimit-Limit")).isEqualTo("5");
            assertThat(response.header("RateLimit-Remaining")).isEqualTo(String.valueOf(5 - attempt));
            assertThat(Long.parseLong(response.header("RateLimit-Reset"))).isBetween(1L, 900L);
        }

        Response limited = login(ip, "victim-6@example.com");

        assertProblem(limited, 429, "RATE_LIMITED");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 900L);
        assertThat(limited.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(limited.headers("X-RateLimit-Limit")).isEmpty();
    }

    @Test
    void rejectionWhenRateLimitedThenRecordedAsEvent() {
        String ip = "198.51.100.70";
        for (int attempt = 1; attempt <= 6; attempt++) {
            login(ip, "evented-" + attempt + "@example.com");
        }
        // The admin logs in from 127.0.0.1 itself, whose budget no other test in this class uses.
        String admin = http.login(ADMIN_EMAIL, PASSWORD).json().path("accessToken").asText();

        List<JsonNode> events = Events.await(http, admin, "type=rate_limited",
                event -> ip.equals(event.path("clientIp").asText()), 1);

        JsonNode event = events.stream().filter(found -> ip.equals(found.path("clientIp").asText())).findFirst().orElseThrow();
        assertThat(event.path("errorCode").asText()).isEqualTo("RATE_LIMITED");
        assertThat(event.path("detail").asText()).isEqualTo("login_per_ip");
    }

    @Test
    void loginWhenAccountHammeredFromManyIpsThenRateLimited() {
        String email = "target-" + UUID.randomUUID() + "@example.com";
        for (int attempt = 1; attempt <= 8; attempt++) {
            assertThat(login("198.51.100." + (100 + attempt), email).status()).isEqualTo(401);
        }

        Response limited = login("198.51.100.200", email.toUpperCase());

        assertProblem(limited, 429, "RATE_LIMITED");
    }

    @Test
    void loginWhenParallelFromOneIpThenExactlyLimitReachPasswordCheck() throws Exception {
        String ip = "198.51.100.20";
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String email = "parallel-" + i + "@example.com";
                futures.add(pool.submit(() -> {
                    start.await();
                    return login(ip, email);
                }));
            }
            start.countDown();
            int passwordChecked = 0;
            int limited = 0;
            for (Future<Response> future : futures) {
                int status = future.get().status();
                passwordChecked += status == 401 ? 1 : 0;
                limited += status == 429 ? 1 : 0;
            }

            assertThat(passwordChecked).isEqualTo(5);
            assertThat(limited).isEqualTo(45);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refreshWhenOverIpLimitThenRateLimited() {
        String ip = "198.51.100.30";
        for (int attempt = 1; attempt <= 10; attempt++) {
            Response response = http.post("api/auth/refresh").header("X-Forwarded-For", ip)
                    .json(Map.of("refreshToken", "not-a-token")).send();
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.header("RateLimit-Limit")).isEqualTo("10");
        }

        Response limited = http.post("api/auth/refresh").header("X-Forwarded-For", ip)
                .json(Map.of("refreshToken", "not-a-token")).send();

        assertProblem(limited, 429, "RATE_LIMITED");
    }

    @Test
    void registerWhenOverIpLimitThenRateLimitedUntilWindowPasses() throws InterruptedException {
        String ip = "198.51.100.40";
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(register(ip).status()).isEqualTo(201);
        }

        assertProblem(register(ip), 429, "RATE_LIMITED");
        Thread.sleep(2_100);
        assertThat(register(ip).status()).isEqualTo(201);
    }

    private Response register(String ip) {
        return http.post("api/auth/register").header("X-Forwarded-For", ip)
                .json(Map.of("email", "new-" + UUID.randomUUID() + "@example.com", "password", PASSWORD)).send();
    }

    @Test
    void forwardedForWhenClientPrependsAddressesThenRightmostUntrustedCounts() {
        String client = "198.51.100.50";
        for (int attempt = 1; attempt <= 5; attempt++) {
            login("10.9.9." + attempt + ", " + client, "spoof-" + attempt + "@example.com");
        }

        Response limited = login("192.0.2.77, " + client, "spoof-6@example.com");

        assertProblem(limited, 429, "RATE_LIMITED");
    }

    @Test
    void forwardedHeaderWhenFromTrustedProxyThenClientFromForValue() {
        String client = "198.51.100.60";
        for (int attempt = 1; attempt <= 5; attempt++) {
            http.post("api/auth/login").header("Forwarded", "for=\"" + client + ":4711\";proto=https")
                    .json(Map.of("email", "fwd-" + attempt + "@example.com", "password", "wrong password attempt")).send();
        }

        Response limited = http.post("api/auth/login").header("X-Forwarded-For", client)
                .json(Map.of("email", "fwd-6@example.com", "password", "wrong password attempt")).send();

        assertProblem(limited, 429, "RATE_LIMITED");
    }
}
