package io.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.support.Http;
import io.gatehouse.support.TestWar;
import java.net.URL;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A WAR in production or staging refuses to start on missing or weak secrets, and the reason
 * names the setting. Every other test class deploys with valid production secrets.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProductionSecretsIT {

    private static final String TOMCAT = "tomcat";
    /** The Tomcat adapter's fixed address from arquillian.xml. */
    private static final String TOMCAT_BASE = "http://127.0.0.1:18765/";
    private static final Path LOG = Path.of("target", "it-logs", "gatehouse.log");
    private static final String SHORT_SECRET = "too-short-secret-0123456789";
    private static final String REPETITIVE_SECRET = "ab".repeat(40);

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = "missing-access", managed = false, testable = false)
    static WebArchive missingAccess() {
        return TestWar.production().without("jwt.access-secret").build("missing-access");
    }

    @Deployment(name = "missing-refresh-staging", managed = false, testable = false)
    static WebArchive missingRefreshInStaging() {
        return TestWar.production().with("mp.config.profile", "staging").without("jwt.refresh-secret").build("missing-refresh-staging");
    }

    @Deployment(name = "short-access", managed = false, testable = false)
    static WebArchive shortAccess() {
        return TestWar.production().with("jwt.access-secret", SHORT_SECRET).build("short-access");
    }

    @Deployment(name = "repetitive-refresh", managed = false, testable = false)
    static WebArchive repetitiveRefresh() {
        return TestWar.production().with("jwt.refresh-secret", REPETITIVE_SECRET).build("repetitive-refresh");
    }

    @Deployment(name = "equal-secrets", managed = false, testable = false)
    static WebArchive equalSecrets() {
        return TestWar.production().with("jwt.refresh-secret", TestWar.ACCESS_SECRET).build("equal-secrets");
    }

    @Deployment(name = "unknown-profile", managed = false, testable = false)
    static WebArchive unknownProfile() {
        return TestWar.production().with("mp.config.profile", "prod").build("unknown-profile");
    }

    @Test
    void startWhenAccessSecretMissingThenRefuses() throws IOException {
        assertRefused("missing-access", "JWT_ACCESS_SECRET", "missing");
    }

    @Test
    void startWhenRefreshSecretMissingInStagingThenRefuses() throws IOException {
        assertRefused("missing-refresh-staging", "JWT_REFRESH_SECRET", "staging profile requires it");
    }

    @Test
    void startWhenSecretShortThenRefuses() throws IOException {
        assertRefused("short-access", "JWT_ACCESS_SECRET", "too short");
    }

    @Test
    void startWhenSecretRepetitiveThenRefuses() throws IOException {
        assertRefused("repetitive-refresh", "JWT_REFRESH_SECRET", "too repetitive");
    }

    @Test
    void startWhenSecretsEqualThenRefuses() throws IOException {
        assertRefused("equal-secrets", "JWT_REFRESH_SECRET", "must differ");
    }

    @Test
    void startWhenProfileUnknownThenRefuses() throws IOException {
        assertRefused("unknown-profile", "mp.config.profile", "not a Gatehouse profile");
    }

    /**
     * Asserts that the application did not start and that Gatehouse logged one line naming the
     * setting. Jetty, through the WAR's jetty-ee10-web.xml, fails the deployment itself. Tomcat
     * leaves the failed context in place but unstarted, so there the test checks that it serves
     * nothing. The log is checked rather than the exception, because the Jetty adapter replaces
     * the startup failure with an exception of its own.
     */
    private void assertRefused(String deployment, String setting, String rule) throws IOException {
        long start = Files.size(LOG);

        if (TOMCAT.equals(System.getProperty("arquillian.launch"))) {
            try {
                deployer.deploy(deployment);
                Http.Response health = new Http(new URL(TOMCAT_BASE + deployment + "/")).get("api/health").send();
                assertThat(health.status()).as("a refused deployment must not serve").isNotEqualTo(200);
            } finally {
                deployer.undeploy(deployment);
            }
        } else {
            assertThatThrownBy(() -> deployer.deploy(deployment));
        }

        String log = Files.readString(LOG).substring((int) start);
        assertThat(log.lines().filter(line -> line.contains("FATAL")).toList())
                .singleElement(InstanceOfAssertFactories.STRING)
                .contains("Gatehouse cannot start: ")
                .contains(setting)
                .contains(rule);
    }
}
