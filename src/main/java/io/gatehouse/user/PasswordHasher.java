package io.gatehouse.user;

import java.security.SecureRandom;
import org.mindrot.jbcrypt.BCrypt;

/**
 * bcrypt hashing with a configured cost.
 *
 * <p>{@link #burn(String)} runs a comparison against a hash of the same cost, so a login for an
 * unknown account takes as long as one for a known account and the timing reveals nothing.
 */
public final class PasswordHasher {

    private final int cost;
    private final SecureRandom random = new SecureRandom();
    private final String dummyHash;

    public PasswordHasher(int cost) {
        this.cost = cost;
        this.dummyHash = BCrypt.hashpw("gatehouse-timing-equaliser", BCrypt.gensalt(cost, random));
    }

    public String hash(String password) {
        return BCrypt.hashpw(password, BCrypt.gensalt(cost, random));
    }

    public boolean matches(String password, String hash) {
        return BCrypt.checkpw(password, hash);
    }

    /** Spends the time of one {@link #matches} call without comparing against any account. */
    public void burn(String password) {
        BCrypt.checkpw(password, dummyHash);
    }
}
