package io.gatehouse.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OriginPolicyTest {

    private final OriginPolicy policy = new OriginPolicy(List.of("https://app.example.com", "http://localhost:3000"));

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "https://app.example.com, true",
            "https://APP.example.com, true",
            "https://app.example.com:443, true",
            "http://localhost:3000, true",
            "http://localhost:3001, false",
            "http://app.example.com, false",
            "https://app.example.com.evil.test, false",
            "https://evilapp.example.com, false",
            "https://user@app.example.com, false",
            "null, false",
            "file:///etc/passwd, false",
            "'', false",
    })
    void isAllowedMatchesExactOrigins(String origin, boolean expected) {
        assertThat(policy.isAllowed(origin)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void constructorWhenEntryIsNotOriginThenRejects() {
        assertThatThrownBy(() -> new OriginPolicy(List.of("app.example.com")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gatehouse.cors.allowed-origins");
    }
}
