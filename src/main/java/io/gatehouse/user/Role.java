package io.gatehouse.user;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;

/** A named set of permissions. Every user has exactly one role. */
@Entity
@Table(name = "role")
public class Role {

    public static final String USER = "user";
    public static final String ADMIN = "admin";

    @Id
    @Column(name = "name")
    private String name;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "role_permission", joinColumns = @JoinColumn(name = "role_name"))
    @Column(name = "permission")
    private Set<String> permissions = new HashSet<>();

    protected Role() {
    }

    public Role(String name, Set<String> permissions) {
        this.name = name;
        this.permissions = new HashSet<>(permissions);
    }

    public String name() {
        return name;
    }

    public Set<String> permissions() {
        return Set.copyOf(permissions);
    }

    /** Replaces the role's permissions; users receive them with their next token. */
    public void replacePermissions(Set<String> newPermissions) {
        permissions.clear();
        permissions.addAll(newPermissions);
    }
}
