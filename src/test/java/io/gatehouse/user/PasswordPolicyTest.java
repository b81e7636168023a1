package io.gatehouse.user;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.error.ErrorCode;
import io.gatehouse.error.GatehouseException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(12, 3);
    private final EmailAddress email = EmailAddress.parse("jordan.lee@example.com").orElseThrow();

    private void assertRejected(String password, ErrorCode code) {
        assertThatThrownBy(() -> policy.check(password, email))
                .isInstanceOf(GatehouseException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((GatehouseException) e).code()).isEqualTo(code))
                .message().doesNotContain(password);
    }

    @Test
    void checkWhenStrongThenAccepts() {
        assertThatCode(() -> policy.check("correct horse battery staple", email)).doesNotThrowAnyException();
    }

    @Test
    void checkWhenShortThenWeak() {
        assertRejected("Xk9#qLm2", ErrorCode.WEAK_PASSWORD);
    }

    @Test
    void checkWhenCommonThenWeak() {
        assertRejected("password1234", ErrorCode.WEAK_PASSWORD);
    }

    @Test
    void checkWhenBuiltFromEmailThenWeak() {
        assertRejected("jordan.lee2026", ErrorCode.WEAK_PASSWORD);
    }

    @Test
    void checkWhenOver72BytesThenTooLong() {
        assertRejected("é".repeat(37), ErrorCode.PASSWORD_TOO_LONG);
    }

    @Test
    void checkWhenExactly72BytesThenAccepted() {
        assertThatCode(() -> policy.check("Tq7#vR2!mZ9@pL4$".repeat(4) + "aB3$cD4%", email)).doesNotThrowAnyException();
    }
}
