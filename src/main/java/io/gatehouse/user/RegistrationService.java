package io.gatehouse.user;

import io.gatehouse.error.ErrorCode;
import io.gatehouse.error.GatehouseException;
import io.gatehouse.persistence.Database;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hibernate.exception.ConstraintViolationException;

/** Creates accounts with the {@code user} role. */
public final class RegistrationService {

    private static final Logger LOG = LogManager.getLogger(RegistrationService.class);
    private static final String EMAIL_UNIQUE_CONSTRAINT = "APP_USER_EMAIL_KEY_UNIQUE";

    private final Database database;
    private final UserRepository users;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final boolean enabled;

    public RegistrationService(Database database, UserRepository users, PasswordPolicy policy,
            PasswordHasher hasher, Clock clock, boolean enabled) {
        this.database = database;
        this.users = users;
        this.policy = policy;
        this.hasher = hasher;
        this.clock = clock;
        this.enabled = enabled;
    }

    /**
     * Registers a new account.
     *
     * @throws GatehouseException {@code REGISTRATION_DISABLED}, {@code INVALID_EMAIL},
     *     {@code PASSWORD_TOO_LONG}, {@code WEAK_PASSWORD} or {@code EMAIL_TAKEN}
     */
    public User register(String emailInput, String password) {
        if (!enabled) {
            throw new GatehouseException(ErrorCode.REGISTRATION_DISABLED, "Registration is disabled on this server.");
        }
        EmailAddress email = EmailAddress.parse(emailInput)
                .orElseThrow(() -> new GatehouseException(ErrorCode.INVALID_EMAIL, "Field 'email' is not a valid email address."));
        policy.check(password, email);

        // Hash outside the transaction: bcrypt takes a quarter second at cost 12.
        String hash = hasher.hash(password);
        User user = create(email, hash, Role.USER);
        LOG.info("Registered user {}", user.id());
        return user;
    }

    /** Persists a user, turning a lost race on the unique email into {@code EMAIL_TAKEN}. */
    User create(EmailAddress email, String passwordHash, String roleName) {
        try {
            return database.inTransaction(em -> {
                if (users.findByEmail(em, email).isPresent()) {
                    throw emailTaken();
                }
                User user = new User(email, passwordHash, users.role(em, roleName), clock.instant());
                em.persist(user);
                em.flush();
                return user;
            });
        } catch (PersistenceException e) {
            if (isEmailConflict(e)) {
                throw emailTaken();
            }
            throw e;
        }
    }

    private static boolean isEmailConflict(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation
                    && violation.getConstraintName() != null
                    && violation.getConstraintName().toUpperCase(java.util.Locale.ROOT).contains(EMAIL_UNIQUE_CONSTRAINT)) {
                return true;
            }
        }
        return false;
    }

    private static GatehouseException emailTaken() {
        return new GatehouseException(ErrorCode.EMAIL_TAKEN, "An account with this email address already exists.");
    }
}
