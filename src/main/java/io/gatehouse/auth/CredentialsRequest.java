package io.gatehouse.auth;

/** The body of register and login. {@link #toString()} leaves the password out. */
public record CredentialsRequest(String email, String password) {

    @Override
    public String toString() {
        return "CredentialsRequest[email=" + email + ", password=<redacted>]";
    }
}
