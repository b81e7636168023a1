package io.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import io.gatehouse.support.Http.Response;
import io.gatehouse.support.TestWar;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Captures Gatehouse's log, at DEBUG, during a full session and checks that no password, token,
 * secret or cookie value was written, while the ids that replace them were.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LogSecrecyIT {

    private static final Path LOG = Path.of("target", "it-logs", "gatehouse.log");
    private static final String PASSWORD = "log secrecy pass phrase 1";
    private static final String ADMIN_PASSWORD = "admin secret phrase for log test";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWar.production()
                .with("gatehouse.admin.email", "log-admin@example.com")
                .with("gatehouse.admin.password", ADMIN_PASSWORD)
                .build("logsecrecy");
    }

    @Test
    void sessionLogsIdsButNoSecrets() throws IOException {
        long start = Files.size(LOG);
        Http http = new Http(base);
        String email = "quiet-" + UUID.randomUUID() + "@example.com";

        String userId = http.register(email, PASSWORD).json().path("id").asText();
        Response login = http.login(email, PASSWORD);
        String accessToken = login.json().path("accessToken").asText();
        String refreshToken = login.json().path("refreshToken").asText();
        Response refreshed = http.post("api/auth/refresh").sameOrigin().cookie("refreshToken", refreshToken).send();
        String newRefreshToken = refreshed.json().path("refreshToken").asText();
        http.get("api/auth/me").cookie("accessToken", accessToken).send();
        http.post("api/auth/login").json(Map.of("email", email, "password", PASSWORD + "x")).send();
        http.post("api/auth/refresh").json(Map.of("refreshToken", refreshToken)).send();
        http.get("api/properties").bearer(accessToken + "tampered").send();
        http.post("api/auth/logout").sameOrigin().cookie("refreshToken", newRefreshToken).send();

        String log = readFrom(start);
        assertThat(log).contains(userId).contains("reused");
        for (String secret : new String[] {PASSWORD, ADMIN_PASSWORD, TestWar.ACCESS_SECRET, TestWar.REFRESH_SECRET}) {
            assertThat(log).as("log contains a password or secret").doesNotContain(secret);
        }
        for (String token : new String[] {accessToken, refreshToken, newRefreshToken}) {
            assertThat(log).as("log contains a token").doesNotContain(token);
            assertThat(log).as("log contains a token signature").doesNotContain(token.substring(token.lastIndexOf('.') + 1));
            assertThat(log).as("log contains a token payload").doesNotContain(token.split("\\.")[1]);
        }
    }

    @Test
    void startupLogsProfileAndDatabaseWithoutPasswords() throws IOException {
        String log = readFrom(0);

        assertThat(log).contains("Starting Gatehouse with profile production");
        assertThat(log).contains("Access tokens live PT15M, refresh tokens P7D");
        assertThat(log).doesNotContain(ADMIN_PASSWORD);
    }

    private static String readFrom(long offset) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(LOG.toFile(), "r")) {
            file.seek(offset);
            byte[] bytes = new byte[(int) (file.length() - offset)];
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
