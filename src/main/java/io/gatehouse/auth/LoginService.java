package io.gatehouse.auth;

import io.gatehouse.audit.AuthEvent;
import io.gatehouse.audit.AuthEventRecorder;
import io.gatehouse.audit.AuthEventType;
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
 * timing reveals to an attacker which accounts exist. Locked subjects get {@code ACCOUNT_LOCKED}
 * after the same comparison, for existing and unknown emails alike.
 */
public final class LoginService {

    private static final Logger LOG = LogManager.getLogger(LoginService.class);

    private final Database database;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final SessionService sessions;
    private final LockoutService lockout;
    private final DeviceCookies devices;
    private final AuthEventRecorder events;
    private final int maxAccountFailures;
    private final int maxDeviceFailures;

    public LoginService(Database database, UserRepository users, PasswordHasher hasher, SessionService sessions,
            LockoutService lockout, DeviceCookies devices, AuthEventRecorder events,
            int maxAccountFailures, int maxDeviceFailures) {
        this.database = database;
        this.users = users;
        this.hasher = hasher;
        this.sessions = sessions;
        this.lockout = lockout;
        this.devices = devices;
        this.events = events;
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
        Optional<EmailAddress> email = EmailAddress.parse(emailInput);
        Optional<User> user = email.flatMap(address -> database.inTransaction(em -> users.findByEmail(em, address)));

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
            events.record(failure(ErrorCode.ACCOUNT_LOCKED, email, user, client));
            throw locked;
        }

        if (user.isEmpty()) {
            hasher.burn(password);
            LOG.info("Login failed: no account for the given email");
            events.record(failure(ErrorCode.INVALID_CREDENTIALS, email, user, client));
            recordFailure(subject, maxFailures, email, user, client);
            throw invalidCredentials();
        }
        // bcrypt ignores bytes past the 72nd, so a longer password would match on its prefix alone.
        boolean matches = hasher.matches(password, user.get().passwordHash()) && PasswordPolicy.fitsBcrypt(password);
        if (!matches || !user.get().isEnabled()) {
            String reason = matches ? "account disabled" : "wrong password";
            LOG.info("Login failed for user {}: {}", user.get().id(), reason);
            events.record(failure(ErrorCode.INVALID_CREDENTIALS, email, user, client).detail(reason));
            recordFailure(subject, maxFailures, email, user, client);
            throw invalidCredentials();
        }

        lockout.reset(subject);
        LOG.info("Login succeeded for user {}", user.get().id());
        TokenPair tokens = sessions.start(user.get(), client);
        events.record(AuthEvent.success(AuthEventType.LOGIN).user(user.get().id()).client(client).jti(tokens.accessToken().jti()));
        return new Success(tokens, devices.issue(user.get().id()));
    }

    private void recordFailure(String subject, int maxFailures, Optional<EmailAddress> email, Optional<User> user,
            ClientInfo client) {
        if (!lockout.recordFailure(subject, maxFailures)) {
            return;
        }
        boolean trustedDevice = subject.startsWith("device:");
        LOG.warn("Login locked for {} after {} consecutive failures{}", trustedDevice ? "a trusted device" : "an account",
                maxFailures, user.map(found -> ", user " + found.id()).orElse(""));
        AuthEvent.Builder event = accountEvent(AuthEvent.success(AuthEventType.ACCOUNT_LOCKED), email, user, client);
        events.record(trustedDevice ? event.detail("trusted device") : event);
    }

    /** A failed login event; an unknown email is stored only as a pseudonymous key, never as typed. */
    private static AuthEvent.Builder failure(ErrorCode code, Optional<EmailAddress> email, Optional<User> user,
            ClientInfo client) {
        AuthEvent.Builder event = accountEvent(AuthEvent.failure(AuthEventType.LOGIN_FAILURE, code), email, user, client);
        return user.isEmpty() && email.isEmpty() ? event.detail("malformed email") : event;
    }

    private static AuthEvent.Builder accountEvent(AuthEvent.Builder event, Optional<EmailAddress> email,
            Optional<User> user, ClientInfo client) {
        event.client(client);
        if (user.isPresent()) {
            return event.user(user.get().id());
        }
        return email.map(address -> event.detail(AuthEvent.unknownAccountDetail(address.key()))).orElse(event);
    }

    private static GatehouseException invalidCredentials() {
        return new GatehouseException(ErrorCode.INVALID_CREDENTIALS, "The email or password is incorrect.");
    }
}
