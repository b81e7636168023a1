package io.gatehouse.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.config.Settings;
import io.gatehouse.support.TestSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TokenIssuerTest {

    @Test
    void accessTokenWhenIssuedLateInSecondThenKeepsFullLifetime() {
        Settings settings = TestSettings.load(Map.of(
                "jwt.access-secret", TestSettings.ACCESS, "jwt.refresh-secret", TestSettings.REFRESH,
                "jwt.access-token-lifetime", "PT1S", "jwt.refresh-token-lifetime", "PT2S"));
        Instant now = Instant.parse("2026-06-01T12:00:00.999Z");
        TokenIssuer issuer = new TokenIssuer(settings.jwt(), settings.secrets(), Clock.fixed(now, ZoneOffset.UTC));

        IssuedToken token = issuer.issueAccessToken(UUID.randomUUID(), "a@example.com", "user", Set.of(), UUID.randomUUID());

        assertThat(token.expiresAt()).isEqualTo(Instant.parse("2026-06-01T12:00:02Z"));
        assertThat(token.expiresAt()).isAfterOrEqualTo(now.plusSeconds(1));
    }
}
