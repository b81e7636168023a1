package io.gatehouse.user;

import io.gatehouse.config.ConfigurationException;
import io.gatehouse.error.GatehouseException;
import io.gatehouse.persistence.Database;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Creates the first admin account from {@code GATEHOUSE_ADMIN_EMAIL} and
 * {@code GATEHOUSE_ADMIN_PASSWORD} when no account holds the admin role yet. Once an admin
 * exists the settings are ignored, so they can stay in place across restarts.
 */
public final class AdminAccountBootstrap {

    private static final Logger LOG = LogManager.getLogger(AdminAccountBootstrap.class);

    private final Database database;
    private final UserRepository users;
    private final RegistrationService registration;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;

    public AdminAccountBootstrap(Database database, UserRepository users, RegistrationService registration,
            PasswordPolicy policy, PasswordHasher hasher) {
        this.database = database;
        this.users = users;
        this.registration = registration;
        this.policy = policy;
        this.hasher = hasher;
    }

    /**
     * Creates the admin account if needed.
     *
     * @throws ConfigurationException when the email is invalid or taken, or the password is weak
     */
    public void createIfAbsent(String emailInput, String password) {
        if (database.inTransaction(em -> users.existsWithRole(em, Role.ADMIN))) {
            LOG.debug("An admin account exists; GATEHOUSE_ADMIN_EMAIL is ignored");
            return;
        }
        EmailAddress email = EmailAddress.parse(emailInput)
                .orElseThrow(() -> new ConfigurationException("GATEHOUSE_ADMIN_EMAIL is not a valid email address"));
        try {
            policy.check(password, email);
            User admin = registration.create(email, hasher.hash(password), Role.ADMIN);
            LOG.info("Created admin account {} from GATEHOUSE_ADMIN_EMAIL", admin.id());
        } catch (GatehouseException e) {
            throw new ConfigurationException("Cannot create the admin account from GATEHOUSE_ADMIN_EMAIL: " + e.getMessage());
        }
    }
}
