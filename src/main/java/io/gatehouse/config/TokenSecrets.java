package io.gatehouse.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The two HMAC secrets: one signs access tokens, the other refresh tokens, so that a token of one
 * kind can never verify as the other. {@link #toString()} leaves both values out.
 */
public final class TokenSecrets {

    static final String ACCESS_NAME = "JWT_ACCESS_SECRET (jwt.access-secret)";
    static final String REFRESH_NAME = "JWT_REFRESH_SECRET (jwt.refresh-secret)";

    private static final Logger LOG = LogManager.getLogger(TokenSecrets.class);

    private final byte[] access;
    private final byte[] refresh;

    TokenSecrets(String access, String refresh) {
        this.access = access.getBytes(StandardCharsets.UTF_8);
        this.refresh = refresh.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Returns the configured secrets after checking them against {@link SecretPolicy}.
     *
     * <p>Only in development may they be missing: then Gatehouse generates them once and keeps
     * them under the data directory, so that tokens stay valid across restarts.
     *
     * @throws ConfigurationException naming the first setting that breaks a rule
     */
    static TokenSecrets resolve(Profile profile, JwtConfig jwt, Path dataDirectory) {
        Optional<String> access = jwt.accessSecret();
        Optional<String> refresh = jwt.refreshSecret();

        if (profile == Profile.DEVELOPMENT && (access.isEmpty() || refresh.isEmpty())) {
            DevelopmentSecrets generated = DevelopmentSecrets.loadOrCreate(dataDirectory);
            LOG.warn("JWT_ACCESS_SECRET or JWT_REFRESH_SECRET is not set: using development secrets"
                    + " generated once and stored in {}. Staging and production refuse to start without both.",
                    generated.file());
            access = access.or(() -> Optional.of(generated.access()));
            refresh = refresh.or(() -> Optional.of(generated.refresh()));
        }

        String accessValue = access.orElseThrow(() -> missing(ACCESS_NAME, profile));
        String refreshValue = refresh.orElseThrow(() -> missing(REFRESH_NAME, profile));
        SecretPolicy.check(ACCESS_NAME, accessValue);
        SecretPolicy.check(REFRESH_NAME, refreshValue);
        if (accessValue.equals(refreshValue)) {
            throw new ConfigurationException(ACCESS_NAME + " and " + REFRESH_NAME
                    + " must differ, so that a refresh token can never pass as an access token");
        }
        return new TokenSecrets(accessValue, refreshValue);
    }

    private static ConfigurationException missing(String name, Profile profile) {
        return new ConfigurationException(name + " is missing: the " + profile.configName()
                + " profile requires it, " + SecretPolicy.RULE);
    }

    /** The access-token secret; callers must not keep or log it. */
    public byte[] access() {
        return access.clone();
    }

    /** The refresh-token secret; callers must not keep or log it. */
    public byte[] refresh() {
        return refresh.clone();
    }

    @Override
    public String toString() {
        return "TokenSecrets[access=<redacted>, refresh=<redacted>]";
    }
}
