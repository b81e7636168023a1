package io.gatehouse.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.config.Settings;
import io.gatehouse.error.ErrorCode;
import io.gatehouse.error.GatehouseException;
import io.gatehouse.support.TestSettings;
import io.gatehouse.token.AccessTokenVerifier;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthenticationFilterTest {

    private final Settings settings = TestSettings.load(Map.of(
            "jwt.access-secret", TestSettings.ACCESS, "jwt.refresh-secret", TestSettings.REFRESH));
    // The broken request fails while the token is resolved, before the denylist, the event
    // recorder or the timer are used, so none is needed here.
    private final AuthenticationFilter filter = new AuthenticationFilter(
            new AccessTokenVerifier(settings.jwt(), settings.secrets(), Clock.systemUTC()), null, null, null);

    /** A request whose every method fails, as a broken container or library would. */
    private static ContainerRequestContext brokenRequest() {
        return (ContainerRequestContext) Proxy.newProxyInstance(AuthenticationFilterTest.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (proxy, method, arguments) -> {
                    throw new IllegalStateException("simulated container failure");
                });
    }

    @Test
    void filterWhenUnexpectedFailureThenAuthServiceError() {
        assertThatThrownBy(() -> filter.filter(brokenRequest()))
                .isInstanceOf(GatehouseException.class)
                .satisfies(e -> assertThat(((GatehouseException) e).code()).isEqualTo(ErrorCode.AUTH_SERVICE_ERROR))
                .message().doesNotContain("simulated");
    }
}
