package de.erpconnect.domain.user;

/** One-way hashing of user passwords (bcrypt in production). */
public interface PasswordHasher {

    /** Hashes a password that already passed the {@link PasswordPolicy}. */
    String hash(String rawPassword);

    /** Constant-effort check; false for a malformed hash as well. */
    boolean matches(String rawPassword, String hash);
}
