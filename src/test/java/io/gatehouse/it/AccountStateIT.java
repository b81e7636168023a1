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
import java.sql.SQLException;
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
 * Account states changed in the database behind Gatehouse's back, and registration switched off.
 * The test shares the file database through H2's automatic mixed mode.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountStateIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String DATABASE_URL = "jdbc:h2:file:"
            + Path.of("target", "account-state-" + UUID.randomUUID()).toAbsolutePath()
            + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000";
    private static final String ADMIN_EMAIL = "state-admin@example.com";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWar.production()
                .with("gatehouse.database.url", DATABASE_URL)
                .with("gatehouse.registration.enabled", "false")
                .with("gatehouse.admin.email", ADMIN_EMAIL)
                .with("gatehouse.admin.password", PASSWORD)
                .build("accountstate");
    }

    @Test
    void registerWhenDisabledThenForbidden() {
        Response response = new Http(base).post("api/auth/register")
                .json(Map.of("email", "late@example.com", "password", PASSWORD)).send();

        assertProblem(response, 403, "REGISTRATION_DISABLED");
    }

    @Test
    void loginWhenAccountDisabledThenSameAnswerAsWrongPassword() throws SQLException {
        Http http = new Http(base);
        String refreshToken = http.login(ADMIN_EMAIL, PASSWORD).json().path("refreshToken").asText();
        Response wrongPassword = http.post("api/auth/login").json(Map.of("email", ADMIN_EMAIL, "password", PASSWORD + "!")).send();

        setEnabled(ADMIN_EMAIL, false);
        try {
            Response disabled = http.post("api/auth/login").json(Map.of("email", ADMIN_EMAIL, "password", PASSWORD)).send();
            Response refresh = http.post("api/auth/refresh").json(Map.of("refreshToken", refreshToken)).send();

            assertProblem(disabled, 401, "INVALID_CREDENTIALS");
            assertThat(disabled.text()).isEqualTo(wrongPassword.text());
            assertProblem(refresh, 401, "TOKEN_REVOKED");
        } finally {
            setEnabled(ADMIN_EMAIL, true);
        }
    }

    private static void setEnabled(String email, boolean enabled) throws SQLException {
        try (Connection connection = TestDatabase.connect(DATABASE_URL);
                PreparedStatement update = connection.prepareStatement("update app_user set enabled = ? where email_key = ?")) {
            update.setBoolean(1, enabled);
            update.setString(2, email);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
