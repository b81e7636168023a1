package io.gatehouse.it;

import static io.gatehouse.it.AuthFlowIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import io.gatehouse.support.Http.Response;
import io.gatehouse.support.TestWar;
import java.net.URL;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Account lockout after consecutive failures, its reset and expiry, identical responses for unknown
 * emails, and the device cookie that keeps an owner's browser out of an attacker's lock. The lock
 * is short here (4 s) and trips after 3 failures, so the test need not wait an hour.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LockoutIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String WRONG = "wrong password attempt";

    @ArquillianResource
    private URL base;

    private Http http;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWar.production()
                .with("gatehouse.lockout.max-failures", "3")
                .with("gatehouse.lockout.duration", "PT4S")
                .with("gatehouse.lockout.device-max-failures", "2")
                .build("lockout");
    }

    @BeforeEach
    void setUp() {
        http = new Http(base);
    }

    private String registered() {
        String email = "owner-" + UUID.randomUUID() + "@example.com";
        http.register(email, PASSWORD);
        return email;
    }

    private Response login(String email, String password) {
        return http.post("api/auth/login").json(Map.of("email", email, "password", password)).send();
    }

    private Response loginWithDevice(String email, String password, String deviceCookie) {
        return http.post("api/auth/login").cookie("gatehouseDevice", deviceCookie)
                .json(Map.of("email", email, "password", password)).send();
    }

    @Test
    void loginWhenFailuresReachLimitThenLockedEvenWithRightPassword() {
        String email = registered();
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertProblem(login(email, WRONG), 401, "INVALID_CREDENTIALS");
        }

        Response locked = login(email, PASSWORD);

        assertProblem(locked, 423, "ACCOUNT_LOCKED");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 4L);
    }

    @Test
    void loginWhenFailuresDifferOnlyInEmailCaseThenCountedTogether() {
        String email = registered();
        login(email.toUpperCase(), WRONG);
        login("  " + email + " ", WRONG);
        login(email, WRONG);

        assertProblem(login(email, PASSWORD), 423, "ACCOUNT_LOCKED");
    }

    @Test
    void loginWhenSuccessfulThenFailureCountResets() {
        String email = registered();
        login(email, WRONG);
        login(email, WRONG);
        assertThat(login(email, PASSWORD).status()).isEqualTo(200);
        login(email, WRONG);
        login(email, WRONG);

        assertThat(login(email, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void loginWhenLockExpiresThenAllowedAgain() throws InterruptedException {
        String email = registered();
        for (int attempt = 1; attempt <= 3; attempt++) {
            login(email, WRONG);
        }
        assertProblem(login(email, PASSWORD), 423, "ACCOUNT_LOCKED");

        Thread.sleep(4_100);

        assertThat(login(email, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void lockedUnknownEmailAnswersLikeLockedAccount() {
        String existing = registered();
        String unknown = "nobody-" + UUID.randomUUID() + "@example.com";
        for (int attempt = 1; attempt <= 3; attempt++) {
            Response existingFailure = login(existing, WRONG);
            Response unknownFailure = login(unknown, WRONG);
            assertThat(unknownFailure.status()).isEqualTo(existingFailure.status());
            assertThat(unknownFailure.text()).isEqualTo(existingFailure.text());
        }

        Response existingLocked = login(existing, WRONG);
        Response unknownLocked = login(unknown, WRONG);

        assertProblem(existingLocked, 423, "ACCOUNT_LOCKED");
        assertProblem(unknownLocked, 423, "ACCOUNT_LOCKED");
        assertThat(unknownLocked.text()).isEqualTo(existingLocked.text());
        assertThat(unknownLocked.header("Retry-After")).isNotNull();
        assertThat(Long.parseLong(unknownLocked.header("Retry-After")))
                .isCloseTo(Long.parseLong(existingLocked.header("Retry-After")), org.assertj.core.data.Offset.offset(1L));
    }

    @Test
    void loginWhenTrustedDeviceThenOwnerPassesAttackersLock() {
        String email = registered();
        String deviceCookie = http.login(email, PASSWORD).cookieValue("gatehouseDevice");
        assertThat(deviceCookie).isNotBlank();
        for (int attempt = 1; attempt <= 3; attempt++) {
            login(email, WRONG);
        }
        assertProblem(login(email, PASSWORD), 423, "ACCOUNT_LOCKED");

        Response owner = loginWithDevice(email, PASSWORD, deviceCookie);

        assertThat(owner.status()).isEqualTo(200);
    }

    @Test
    void loginWhenTrustedDeviceFailsTooOftenThenDeviceLocked() {
        String email = registered();
        String deviceCookie = http.login(email, PASSWORD).cookieValue("gatehouseDevice");

        assertProblem(loginWithDevice(email, WRONG, deviceCookie), 401, "INVALID_CREDENTIALS");
        assertProblem(loginWithDevice(email, WRONG, deviceCookie), 401, "INVALID_CREDENTIALS");

        assertProblem(loginWithDevice(email, PASSWORD, deviceCookie), 423, "ACCOUNT_LOCKED");
        assertThat(login(email, PASSWORD).status()).as("the account itself is not locked").isEqualTo(200);
    }

    @Test
    void loginWhenDeviceCookieForgedOrForOtherAccountThenIgnored() {
        String email = registered();
        String otherEmail = registered();
        String otherDevice = http.login(otherEmail, PASSWORD).cookieValue("gatehouseDevice");
        for (int attempt = 1; attempt <= 3; attempt++) {
            login(email, WRONG);
        }

        assertProblem(loginWithDevice(email, PASSWORD, otherDevice), 423, "ACCOUNT_LOCKED");
        assertProblem(loginWithDevice(email, PASSWORD, otherDevice.substring(0, otherDevice.length() - 3) + "AAA"),
                423, "ACCOUNT_LOCKED");
    }

    @Test
    void loginSetsDeviceCookieOnAuthPath() {
        String email = registered();

        String cookie = http.login(email, PASSWORD).setCookie("gatehouseDevice");

        assertThat(cookie).contains("Path=/lockout/api/auth").contains("HttpOnly").contains("Secure")
                .contains("SameSite=Strict").contains("Max-Age=" + 180 * 24 * 3600);
    }
}
