package io.gatehouse.admin;

import java.util.List;

/** Request bodies of the admin API. */
final class AdminRequests {

    private AdminRequests() {
    }

    /** Body of {@code PUT /api/admin/users/{id}/role}. */
    record RoleChange(String role) {
    }

    /** Body of {@code POST /api/admin/users/{id}/permissions}. */
    record PermissionGrant(String permission) {
    }

    /** Body of {@code POST /api/admin/roles}. */
    record NewRole(String name, List<String> permissions) {
    }

    /** Body of {@code PUT /api/admin/roles/{name}/permissions}. */
    record RolePermissions(List<String> permissions) {
    }
}
