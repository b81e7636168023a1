package io.gatehouse.admin;

import io.gatehouse.user.Role;
import java.util.Set;
import java.util.TreeSet;

/** A role and its permissions, sorted. */
public record RoleView(String name, Set<String> permissions) {

    static RoleView of(Role role) {
        return new RoleView(role.name(), new TreeSet<>(role.permissions()));
    }
}
