package io.gatehouse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.support.TestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    private static final String ACCESS = TestSettings.ACCESS;
    private static final String REFRESH = TestSettings.REFRESH;

    @TempDir
    Path dataDirectory;

    private static Settings load(Map<String, String> overrides) {
        return TestSettings.load(overrides);
    }

    private Map<String, String> production() {
        Map<String, String> settings = new HashMap<>();
        settings.put("jwt.access-secret", ACCESS);
        settings.put("jwt.refresh-secret", REFRESH);
        settings.put("gatehouse.data-directory", dataDirectory.toString());
        return settings;
    }

    @Test
    void loadWhenNoProfileThenProduction() {
        Settings settings = load(production());

        assertThat(settings.profile()).isEqualTo(Profile.PRODUCTION);
        assertThat(settings.jwt().accessTokenLifetime()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.jwt().refreshTokenLifetime()).isEqualTo(Duration.ofDays(7));
        assertThat(settings.gatehouse().cookie().secure()).isTrue();
        assertThat(settings.gatehouse().password().bcryptCost()).isEqualTo(12);
        assertThat(settings.jwt().clockSkew()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.jwt().issuer()).isEqualTo("gatehouse");
    }

    @Test
    void loadWhenStagingThenStagingLifetimes() {
        Map<String, String> overrides = production();
        overrides.put("mp.config.profile", "staging");

        Settings settings = load(overrides);

        assertThat(settings.jwt().accessTokenLifetime()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.jwt().refreshTokenLifetime()).isEqualTo(Duration.ofDays(14));
        assertThat(settings.gatehouse().cookie().secure()).isTrue();
    }

    @Test
    void loadWhenDevelopmentThenLongerLifetimesAndInsecureCookies() {
        Map<String, String> overrides = production();
        overrides.put("mp.config.profile", "development");

        Settings settings = load(overrides);

        assertThat(settings.jwt().accessTokenLifetime()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.jwt().refreshTokenLifetime()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.gatehouse().cookie().secure()).isFalse();
    }

    @Test
    void loadWhenLifetimeOverriddenThenOverrideWinsOverProfile() {
        Map<String, String> overrides = production();
        overrides.put("mp.config.profile", "development");
        overrides.put("jwt.access-token-lifetime", "PT5M");

        assertThat(load(overrides).jwt().accessTokenLifetime()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void loadWhenProfileUnknownThenRejectsNamingIt() {
        Map<String, String> overrides = production();
        overrides.put("mp.config.profile", "prod");

        assertThatThrownBy(() -> load(overrides))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("mp.config.profile 'prod'");
    }

    @Test
    void loadWhenProductionSecretMissingThenRejectsNamingVariable() {
        Map<String, String> overrides = production();
        overrides.remove("jwt.refresh-secret");

        assertThatThrownBy(() -> load(overrides))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("JWT_REFRESH_SECRET (jwt.refresh-secret) is missing");
    }

    @Test
    void loadWhenSecretShortThenRejectsWithoutEchoingIt() {
        Map<String, String> overrides = production();
        overrides.put("jwt.access-secret", "short-secret-value");

        assertThatThrownBy(() -> load(overrides))
                .hasMessageContaining("JWT_ACCESS_SECRET")
                .hasMessageContaining("too short")
                .message().doesNotContain("short-secret-value");
    }

    @Test
    void loadWhenSecretsEqualThenRejects() {
        Map<String, String> overrides = production();
        overrides.put("jwt.refresh-secret", ACCESS);

        assertThatThrownBy(() -> load(overrides)).hasMessageContaining("must differ");
    }

    @Test
    void loadWhenDevelopmentWithoutSecretsThenGeneratesAndReusesThem() throws Exception {
        Map<String, String> overrides = Map.of(
                "mp.config.profile", "development",
                "gatehouse.data-directory", dataDirectory.toString());

        Settings first = load(overrides);
        Settings second = load(overrides);

        Path file = dataDirectory.resolve(DevelopmentSecrets.FILE_NAME);
        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file)).hasSize(2);
        assertThat(first.secrets().access()).hasSizeGreaterThanOrEqualTo(SecretPolicy.MIN_LENGTH);
        assertThat(first.secrets().access()).isEqualTo(second.secrets().access());
        assertThat(first.secrets().refresh()).isEqualTo(second.secrets().refresh());
        assertThat(first.secrets().access()).isNotEqualTo(first.secrets().refresh());
    }

    @Test
    void loadWhenBcryptCostOutOfRangeThenRejects() {
        Map<String, String> overrides = production();
        overrides.put("gatehouse.password.bcrypt-cost", "3");

        assertThatThrownBy(() -> load(overrides)).hasMessageContaining("gatehouse.password.bcrypt-cost");
    }

    @Test
    void loadWhenDurationMalformedThenRejectsNamingProperty() {
        Map<String, String> overrides = production();
        overrides.put("jwt.clock-skew", "thirty seconds");

        assertThatThrownBy(() -> load(overrides))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("jwt.clock-skew");
    }

    @Test
    void loadWhenAdminEmailWithoutPasswordThenRejects() {
        Map<String, String> overrides = production();
        overrides.put("gatehouse.admin.email", "admin@example.com");

        assertThatThrownBy(() -> load(overrides)).hasMessageContaining("GATEHOUSE_ADMIN_PASSWORD");
    }

    @Test
    void secretsToStringHidesValues() {
        Settings settings = load(production());

        assertThat(settings.secrets().toString()).doesNotContain(ACCESS).doesNotContain(REFRESH);
    }
}
