package io.gatehouse.config;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.EnvConfigSource;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The validated configuration of one Gatehouse deployment.
 *
 * <p>Sources, highest priority first: environment variables, system properties, then
 * {@code META-INF/microprofile-config.properties}. SmallRye ranks system properties (ordinal 400)
 * above the environment (300), so the environment is added a second time at {@link #ENV_ORDINAL}:
 * an operator's environment then beats a {@code -D} flag baked into a container's start script.
 */
public final class Settings {

    /** The standard MicroProfile Config property that selects the profile. */
    public static final String PROFILE_PROPERTY = "mp.config.profile";

    static final int ENV_ORDINAL = 500;

    private final Profile profile;
    private final GatehouseConfig gatehouse;
    private final JwtConfig jwt;
    private final TokenSecrets secrets;

    private Settings(Profile profile, GatehouseConfig gatehouse, JwtConfig jwt, TokenSecrets secrets) {
        this.profile = profile;
        this.gatehouse = gatehouse;
        this.jwt = jwt;
        this.secrets = secrets;
    }

    /**
     * Loads and validates the settings visible to the given class loader.
     *
     * @param extraSources sources added on top of the defaults, for tests
     * @throws ConfigurationException when a setting is missing, malformed or unsafe
     */
    public static Settings load(ClassLoader classLoader, ConfigSource... extraSources) {
        Profile profile = readProfile(classLoader, extraSources);
        SmallRyeConfig config = buildMapped(profile, classLoader, extraSources);

        GatehouseConfig gatehouse = config.getConfigMapping(GatehouseConfig.class);
        JwtConfig jwt = config.getConfigMapping(JwtConfig.class);
        SettingsValidator.validate(gatehouse, jwt);
        TokenSecrets secrets = TokenSecrets.resolve(profile, jwt, gatehouse.dataDirectory());
        return new Settings(profile, gatehouse, jwt, secrets);
    }

    private static Profile readProfile(ClassLoader classLoader, ConfigSource... extraSources) {
        SmallRyeConfig bootstrap = build(classLoader, extraSources).build();
        Optional<String> name = bootstrap.getOptionalValue(PROFILE_PROPERTY, String.class);
        return name.map(Profile::fromConfigName).orElse(Profile.PRODUCTION);
    }

    private static SmallRyeConfig buildMapped(Profile profile, ClassLoader classLoader, ConfigSource... extraSources) {
        try {
            return build(classLoader, extraSources)
                    .withProfile(profile.configName())
                    .withMapping(GatehouseConfig.class)
                    .withMapping(JwtConfig.class)
                    .build();
        } catch (ConfigValidationException | IllegalArgumentException | NoSuchElementException e) {
            // SmallRye lists every missing or malformed property by name; values are not included.
            throw new ConfigurationException("Invalid configuration: " + oneLine(e.getMessage()), e);
        }
    }

    private static SmallRyeConfigBuilder build(ClassLoader classLoader, ConfigSource... extraSources) {
        return new SmallRyeConfigBuilder()
                .forClassLoader(classLoader)
                .addDefaultSources()
                .withSources(new EnvConfigSource(System.getenv(), ENV_ORDINAL))
                .addDefaultInterceptors()
                .addDiscoveredConverters()
                .withSources(extraSources);
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", "; ");
    }

    public Profile profile() {
        return profile;
    }

    public GatehouseConfig gatehouse() {
        return gatehouse;
    }

    public JwtConfig jwt() {
        return jwt;
    }

    public TokenSecrets secrets() {
        return secrets;
    }
}
