package io.gatehouse.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Token settings under the {@code jwt.} prefix, so that the secrets map to the environment
 * variables {@code JWT_ACCESS_SECRET} and {@code JWT_REFRESH_SECRET}.
 *
 * <p>Never log an instance: it carries both signing secrets.
 */
@ConfigMapping(prefix = "jwt")
public interface JwtConfig {

    /** The {@code iss} claim written into every token and required on every token read. */
    @WithDefault("gatehouse")
    String issuer();

    /** The {@code aud} claim written into access tokens. */
    @WithDefault("gatehouse")
    String audience();

    /** Audiences an access token may name; one match is enough. Defaults to {@link #audience()}. */
    Optional<List<String>> acceptedAudiences();

    Duration accessTokenLifetime();

    Duration refreshTokenLifetime();

    /** Tolerance for clock differences between the issuer and this server, applied to exp, nbf and iat. */
    @WithDefault("PT30S")
    Duration clockSkew();

    /** Tokens longer than this many characters are rejected before they are parsed. */
    @WithDefault("8192")
    int maxTokenLength();

    Optional<String> accessSecret();

    Optional<String> refreshSecret();
}
