package io.gatehouse.auth;

import io.gatehouse.audit.AuthEvent;
import io.gatehouse.audit.AuthEventRecorder;
import io.gatehouse.audit.AuthEventType;
import io.gatehouse.error.ErrorCode;
import io.gatehouse.error.GatehouseException;
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
 * timing tells an attacker which accounts exist.
 */
public final class LoginService {

    private static final Logger LOG = LogManager.getLogger(LoginService.class);

    private final Database database;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final SessionService sessions;
    private final AuthEventRecorder events;

    public LoginService(Database database, UserRepository users, PasswordHasher hasher, SessionService sessions,
            AuthEventRecorder events) {
        this.database = database;
        this.users = users;
        this.hasher = hasher;
        this.sessions = sessions;
        this.events = events;
    }

    /** @throws GatehouseException {@code INVALID_CREDENTIALS} */
    public TokenPair login(String emailInput, String password, ClientInfo client) {
        Optional<EmailAddress> email = EmailAddress.parse(emailInput);
        Optional<User> user = email.flatMap(address -> database.inTransaction(em -> users.findByEmail(em, address)));

        if (user.isEmpty()) {
            hasher.burn(password);
            LOG.info("Login failed: no account for the given email");
            events.record(AuthEvent.failure(AuthEventType.LOGIN_FAILURE, ErrorCode.INVALID_CREDENTIALS).client(client)
                    .detail(email.map(address -> AuthEvent.unknownAccountDetail(address.key())).orElse("malformed email")));
            throw invalidCredentials();
        }
        // bcrypt ignores bytes past the 72nd, so a longer password would match on its prefix alone.
        boolean matches = hasher.matches(password, user.get().passwordHash()) && PasswordPolicy.fitsBcrypt(password);
        if (!matches || !user.get().isEnabled()) {
            LOG.info("Login failed for user {}: {}", user.get().id(), matches ? "account disabled" : "wrong password");
            events.record(AuthEvent.failure(AuthEventType.LOGIN_FAILURE, ErrorCode.INVALID_CREDENTIALS).user(user.get().id())
                    .client(client).detail(matches ? "account disabled" : "wrong password"));
            throw invalidCredentials();
        }

        LOG.info("Login succeeded for user {}", user.get().id());
        TokenPair tokens = sessions.start(user.get(), client);
        events.record(AuthEvent.success(AuthEventType.LOGIN).user(user.get().id()).client(client).jti(tokens.accessToken().jti()));
        return tokens;
    }

    private static GatehouseException invalidCredentials() {
        return new GatehouseException(ErrorCode.INVALID_CREDENTIALS, "The email or password is incorrect.");
    }
}
