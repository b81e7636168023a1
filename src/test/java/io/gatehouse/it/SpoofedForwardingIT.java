package io.gatehouse.it;

import static io.gatehouse.it.AuthFlowIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import io.gatehouse.support.Http.Response;
import io.gatehouse.support.TestWar;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With no trusted proxy configured, a client's own X-Forwarded-For cannot buy it a new budget. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SpoofedForwardingIT {

    private static final Path LOG = Path.of("target", "it-logs", "gatehouse.log");

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWar.production()
                .with("gatehouse.rate-limit.login-per-ip.limit", "3")
                .with("gatehouse.rate-limit.login-per-ip.window", "PT15M")
                .build("spoofed");
    }

    @Test
    void loginWhenForwardedForSpoofedThenBudgetStillPerSocketAddress() throws IOException {
        Http http = new Http(base);
        long logStart = Files.size(LOG);
        for (int attempt = 1; attempt <= 3; attempt++) {
            Response response = http.post("api/auth/login").header("X-Forwarded-For", "192.0.2." + attempt)
                    .header("Forwarded", "for=192.0.2." + attempt)
                    .json(Map.of("email", "a" + attempt + "@example.com", "password", "wrong password attempt")).send();
            assertThat(response.status()).isEqualTo(401);
        }

        for (int attempt = 4; attempt <= 6; attempt++) {
            Response limited = http.post("api/auth/login").header("X-Forwarded-For", "192.0.2." + attempt)
                    .json(Map.of("email", "a" + attempt + "@example.com", "password", "wrong password attempt")).send();
            assertProblem(limited, 429, "RATE_LIMITED");
        }

        String log = Files.readString(LOG).substring((int) logStart);
        assertThat(log.lines().filter(line -> line.contains("Rate limit of 3 requests")).toList())
                .as("one WARN per client and window")
                .hasSize(1)
                .allSatisfy(line -> assertThat(line).contains("WARN").contains("127.0.0.1").contains("login"));
    }
}
