package io.gatehouse.auth;

import io.gatehouse.error.ErrorCode;
import io.gatehouse.error.GatehouseException;
import io.gatehouse.lockout.DeviceCookies;
import io.gatehouse.lockout.LockoutService;
import io.gatehouse.persistence.Database;
import io.gatehouse.session.SessionService;
import io.gatehouse.session.TokenPair;
import io.gatehouse.user.EmailAddress;
import io.gatehouse.user.PasswordHasher;
import io.gatehouse.user.PasswordPolicy;
import io.gatehouse.user.User;
import io.gatehouse.user.UserRepository;
import io.gatehouse.web.ClientInfo;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Checks credentials and starts a session.
 *
 * <p>Every failure (unknown email, wrong password, disabled account, malformed email) gives the
 * same {@code INVALID_CREDENTIALS} after one bcrypt comparison, so neither the response nor its
 * timing reveals to an attacker which accounts exist. Locked subjects get {@code ACCOUNT_LOCKED} after
 * the same comparison, for existing and unknown emails alike.
 */
public final class LoginService {

    private static final Logger LOG = LogManager.getLogger(LoginService.class);

    private final Database database;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final SessionService sessions;
    private final LockoutService lockout;
    private final DeviceCookies devices;
    private final int maxAccountFailures;
    private final int maxDeviceFailures;

    public LoginService(Database database, UserRepository users, PasswordHasher hasher, SessionService sessions,
            LockoutService lockout, DeviceCookies devices, int maxAccountFailures, int maxDeviceFailures) {
        this.database = database;
        this.users = users;
        this.hasher = hasher;
        this.sessions = sessions;
        this.lockout = lockout;
        this.devices = devices;
        this.maxAccountFailures = maxAccountFailures;
        this.maxDeviceFailures = maxDeviceFailures;
    }

    /** A successful login: the tokens and a fresh device cookie for the browser. */
    public record Success(TokenPair tokens, String deviceCookie) {
    }

    /**
     * Logs a user in.
     *
     * @param deviceCookie the device cookie the client sent, or null
     * @throws GatehouseException {@code INVALID_CREDENTIALS} or {@code ACCOUNT_LOCKED}
     */
    public Success login(String emailInput, String password, String deviceCookie, ClientInfo client) {
        Optional<User> user = EmailAddress.parse(emailInput)
                .flatMap(address -> database.inTransaction(em -> users.findByEmail(em, address)));

        // A browser that logged in to this account before counts its failures apart from everyone
        // else's, so an attacker who locks the account does not lock out its owner.
        Optional<String> device = user.flatMap(found -> devices.verify(deviceCookie, found.id()));
        String subject = device.map(LockoutService::deviceSubject)
                .orElseGet(() -> LockoutService.accountSubject(EmailAddress.lookupKey(emailInput)));
        int maxFailures = device.isPresent() ? maxDeviceFailures : maxAccountFailures;

        try {
            lockout.requireUnlocked(subject);
        } catch (GatehouseException locked) {
            hasher.burn(password);
            LOG.info("Login rejected: {} is locked", device.isPresent() ? "trusted device" : "account");
            throw locked;
        }

        if (user.isEmpty()) {
            hasher.burn(password);
            recordFailure(subject, maxFailures, null);
            LOG.info("Login failed: no account for the given email");
            throw invalidCredentials();
        }
        // bcrypt ignores bytes past the 72nd, so a longer password would match on its prefix alone.
        boolean matches = hasher.matches(password, user.get().passwordHash()) && PasswordPolicy.fitsBcrypt(password);
        if (!matches || !user.get().isEnabled()) {
            recordFailure(subject, maxFailures, user.get());
            LOG.info("Login failed for user {}: {}", user.get().id(), matches ? "account disabled" : "wrong password");
            throw invalidCredentials();
        }

        lockout.reset(subject);
        LOG.info("Login succeeded for user {}", user.get().id());
        return new Success(sessions.start(user.get(), client), devices.issue(user.get().id()));
    }

    private void recordFailure(String subject, int maxFailures, User user) {
        if (lockout.recordFailure(subject, maxFailures)) {
            String locked = subject.startsWith("device:") ? "a trusted device" : "an account";
            LOG.warn("Login locked for {} after {} consecutive failures{}", locked, maxFailures,
                    user == null ? "" : ", user " + user.id());
        }
    }

    private static GatehouseException invalidCredentials() {
        return new GatehouseException(ErrorCode.INVALID_CREDENTIALS, "The email or password is incorrect.");
    }
}
