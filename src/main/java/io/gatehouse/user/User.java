package io.gatehouse.user;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A registered account. The password is kept only as a bcrypt hash. */
@Entity
@Table(name = "app_user")
public class User {

    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "email")
    private String email;

    @Column(name = "email_key")
    private String emailKey;

    @Column(name = "password_hash")
    private String passwordHash;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "role_name")
    private Role role;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_permission", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "permission")
    private Set<String> extraPermissions = new HashSet<>();

    @Column(name = "enabled")
    private boolean enabled;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    @Column(name = "version")
    private long version;

    protected User() {
    }

    public User(EmailAddress email, String passwordHash, Role role, Instant now) {
        this.id = UUID.randomUUID();
        this.email = email.value();
        this.emailKey = email.key();
        this.passwordHash = passwordHash;
        this.role = role;
        this.enabled = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return role;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The role's permissions plus the ones granted to this user, sorted for stable tokens. */
    public Set<String> effectivePermissions() {
        Set<String> all = new TreeSet<>(role.permissions());
        all.addAll(extraPermissions);
        return all;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Returns the permissions granted to this user on top of the role's, sorted. */
    public Set<String> extraPermissions() {
        return new TreeSet<>(extraPermissions);
    }

    /** Enables or disables the account; a disabled account cannot log in or refresh. */
    public void setEnabled(boolean enabled, Instant now) {
        this.enabled = enabled;
        this.updatedAt = now;
    }

    public void changeRole(Role newRole, Instant now) {
        this.role = newRole;
        this.updatedAt = now;
    }

    /** Adds a permission and returns whether the user lacked it. */
    public boolean grantPermission(String permission, Instant now) {
        this.updatedAt = now;
        return extraPermissions.add(permission);
    }

    /** Removes a permission granted to this user and returns whether the user had it. */
    public boolean revokePermission(String permission, Instant now) {
        this.updatedAt = now;
        return extraPermissions.remove(permission);
    }

    @Override
    public String toString() {
        return "User[id=" + id + ", role=" + role.name() + ", enabled=" + enabled + "]";
    }
}
