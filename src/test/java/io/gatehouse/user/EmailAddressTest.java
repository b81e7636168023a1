package io.gatehouse.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @Test
    void parseTrimsAndKeysCaseInsensitively() {
        EmailAddress email = EmailAddress.parse("  Alice@Example.com ").orElseThrow();

        assertThat(email.value()).isEqualTo("Alice@Example.com");
        assertThat(email.key()).isEqualTo("alice@example.com");
    }

    @Test
    void parseNormalisesUnicodeCompatibilityForms() {
        // Fullwidth letters and the fullwidth commercial at fold to their ASCII forms under NFKC.
        EmailAddress email = EmailAddress.parse("ａｌｉｃｅ＠example.com").orElseThrow();

        assertThat(email.key()).isEqualTo("alice@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "alice", "alice@", "@example.com", "alice@example", "a@b@example.com",
            "alice smith@example.com", "alice@example..com", "alice@.com", "alice@example.com."})
    void parseWhenImplausibleThenEmpty(String input) {
        assertThat(EmailAddress.parse(input)).isEmpty();
    }

    @Test
    void parseWhenTooLongThenEmpty() {
        assertThat(EmailAddress.parse("a".repeat(65) + "@example.com")).isEmpty();
        assertThat(EmailAddress.parse("a@" + "b".repeat(250) + ".com")).isEmpty();
    }
}
