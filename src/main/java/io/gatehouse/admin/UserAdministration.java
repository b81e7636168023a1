package io.gatehouse.admin;

import io.gatehouse.audit.AuthEvent;
import io.gatehouse.audit.AuthEventRecorder;
import io.gatehouse.audit.AuthEventType;
import io.gatehouse.error.ErrorCode;
import io.gatehouse.error.GatehouseException;
import io.gatehouse.lockout.LockoutService;
import io.gatehouse.persistence.Database;
import io.gatehouse.security.WildcardPermission;
import io.gatehouse.session.RevocationReason;
import io.gatehouse.session.SessionControl;
import io.gatehouse.user.EmailAddress;
import io.gatehouse.user.Role;
import io.gatehouse.user.User;
import io.gatehouse.user.UserRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Administration of users and roles. Every change is recorded as an {@code admin_action} event
 * with the acting administrator's id. Role and permission changes reach a user's tokens at the
 * next refresh; {@link #forceLogout} applies them at once by ending every session.
 */
public final class UserAdministration {

    private static final Logger LOG = LogManager.getLogger(UserAdministration.class);
    private static final Pattern ROLE_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final int MAX_PERMISSION_LENGTH = 200;
    static final int MAX_PAGE_SIZE = 100;

    private final Database database;
    private final UserRepository users;
    private final SessionControl sessions;
    private final LockoutService lockout;
    private final AuthEventRecorder events;
    private final Clock clock;

    public UserAdministration(Database database, UserRepository users, SessionControl sessions, LockoutService lockout,
            AuthEventRecorder events, Clock clock) {
        this.database = database;
        this.users = users;
        this.sessions = sessions;
        this.lockout = lockout;
        this.events = events;
        this.clock = clock;
    }

    /** Returns one page of users, ordered by email, whose email contains {@code emailFilter} ignoring case. */
    public UserPage list(String emailFilter, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new GatehouseException(ErrorCode.MALFORMED_REQUEST,
                    "Query parameter 'page' must be 0 or more and 'size' between 1 and " + MAX_PAGE_SIZE + ".");
        }
        // Matching with locate() instead of like needs no escaping of % and _ in the filter.
        String needle = emailFilter == null ? "" : emailFilter.strip().toLowerCase(Locale.ROOT);
        String condition = needle.isEmpty() ? "" : " where locate(:needle, u.emailKey) > 0";
        return database.inTransaction(em -> {
            TypedQuery<User> select = em.createQuery("select u from User u" + condition + " order by u.emailKey", User.class);
            TypedQuery<Long> count = em.createQuery("select count(u) from User u" + condition, Long.class);
            if (!needle.isEmpty()) {
                select.setParameter("needle", needle);
                count.setParameter("needle", needle);
            }
            List<AdminUserView> items = select.setFirstResult(page * size)
                    .setMaxResults(size)
                    .getResultStream()
                    .map(AdminUserView::of)
                    .toList();
            return new UserPage(items, page, size, count.getSingleResult());
        });
    }

    public AdminUserView get(UUID id) {
        return database.inTransaction(em -> AdminUserView.of(requireUser(em, id)));
    }

    /** Enables or disables an account; disabling also ends every session of the account. */
    AdminUserView setEnabled(AdminActor actor, UUID id, boolean enabled) {
        AdminUserView view = update(id, (em, user) -> {
            if (!enabled) {
                requireAnotherAdmin(em, user);
            }
            user.setEnabled(enabled, clock.instant());
        });
        if (!enabled) {
            sessions.forceLogout(id, RevocationReason.ACCOUNT_DISABLED);
        }
        recordAction(actor, enabled ? "user.enable" : "user.disable", "target_user=" + id);
        return view;
    }

    AdminUserView changeRole(AdminActor actor, UUID id, String roleName) {
        if (roleName == null || roleName.isBlank()) {
            throw new GatehouseException(ErrorCode.MALFORMED_REQUEST, "Field 'role' is missing or blank.");
        }
        AdminUserView view = update(id, (em, user) -> {
            Role role = em.find(Role.class, roleName);
            if (role == null) {
                throw new GatehouseException(ErrorCode.UNKNOWN_ROLE, "No role is named '" + roleName + "'.");
            }
            if (!Role.ADMIN.equals(roleName)) {
                requireAnotherAdmin(em, user);
            }
            user.changeRole(role, clock.instant());
        });
        recordAction(actor, "user.change_role", "target_user=" + id + " role=" + roleName);
        return view;
    }

    AdminUserView grantPermission(AdminActor actor, UUID id, String permission) {
        String valid = validPermission(permission);
        AdminUserView view = update(id, (em, user) -> user.grantPermission(valid, clock.instant()));
        recordAction(actor, "user.grant_permission", "target_user=" + id + " permission=" + valid);
        return view;
    }

    AdminUserView revokePermission(AdminActor actor, UUID id, String permission) {
        AdminUserView view = update(id, (em, user) -> {
            if (!user.revokePermission(permission, clock.instant())) {
                throw new GatehouseException(ErrorCode.NOT_FOUND,
                        "User " + id + " holds no extra permission '" + permission + "'.");
            }
        });
        recordAction(actor, "user.revoke_permission", "target_user=" + id + " permission=" + permission);
        return view;
    }

    /**
     * Lifts a login lock on the account and clears its failure count. Locks of trusted devices
     * are keyed by device, not account, and run out on their own.
     */
    AdminUserView unlock(AdminActor actor, UUID id) {
        AdminUserView view = get(id);
        boolean wasLocked = lockout.unlockAccount(EmailAddress.lookupKey(view.email()));
        events.record(AuthEvent.success(AuthEventType.ACCOUNT_UNLOCKED).user(id).client(actor.client())
                .detail("by_admin=" + actor.adminId() + " was_locked=" + wasLocked));
        recordAction(actor, "user.unlock", "target_user=" + id + " was_locked=" + wasLocked);
        return view;
    }

    /** Ends every session of the user and denylists the user's unexpired access tokens. */
    int forceLogout(AdminActor actor, UUID id) {
        get(id);
        int revoked = sessions.forceLogout(id, RevocationReason.ADMIN_REVOKED);
        recordAction(actor, "user.force_logout", "target_user=" + id + " refresh_tokens_revoked=" + revoked);
        return revoked;
    }

    public List<RoleView> roles() {
        return database.inTransaction(em -> em.createQuery("select r from Role r", Role.class)
                .getResultStream()
                .map(RoleView::of)
                .sorted(Comparator.comparing(RoleView::name))
                .toList());
    }

    RoleView createRole(AdminActor actor, String name, List<String> permissions) {
        if (name == null || !ROLE_NAME.matcher(name).matches()) {
            throw new GatehouseException(ErrorCode.MALFORMED_REQUEST,
                    "Field 'name' must be 1 to 64 characters: a lower-case letter, then letters, digits, '-' or '_'.");
        }
        Set<String> valid = validPermissions(permissions);
        RoleView view = database.inTransaction(em -> {
            if (em.find(Role.class, name) != null) {
                throw new GatehouseException(ErrorCode.ROLE_EXISTS, "A role named '" + name + "' already exists.");
            }
            Role role = new Role(name, valid);
            em.persist(role);
            return RoleView.of(role);
        });
        recordAction(actor, "role.create", "role=" + name + " permissions=" + String.join(",", view.permissions()));
        return view;
    }

    RoleView replaceRolePermissions(AdminActor actor, String name, List<String> permissions) {
        Set<String> valid = validPermissions(permissions);
        RoleView view = database.inTransaction(em -> {
            Role role = em.find(Role.class, name);
            if (role == null) {
                throw new GatehouseException(ErrorCode.NOT_FOUND, "No role is named '" + name + "'.");
            }
            role.replacePermissions(valid);
            return RoleView.of(role);
        });
        recordAction(actor, "role.change_permissions", "role=" + name + " permissions=" + String.join(",", view.permissions()));
        return view;
    }

    private AdminUserView update(UUID id, BiConsumer<EntityManager, User> change) {
        return database.inTransaction(em -> {
            User user = requireUser(em, id);
            change.accept(em, user);
            return AdminUserView.of(user);
        });
    }

    private User requireUser(EntityManager em, UUID id) {
        return users.findById(em, id)
                .orElseThrow(() -> new GatehouseException(ErrorCode.NOT_FOUND, "No user has id " + id + "."));
    }

    /** Rejects a change that would leave no enabled administrator to undo it. */
    private static void requireAnotherAdmin(EntityManager em, User user) {
        if (!Role.ADMIN.equals(user.role().name())) {
            return;
        }
        long others = em.createQuery(
                        "select count(u) from User u where u.role.name = :admin and u.enabled = true and u.id <> :id", Long.class)
                .setParameter("admin", Role.ADMIN)
                .setParameter("id", user.id())
                .getSingleResult();
        if (others == 0) {
            throw new GatehouseException(ErrorCode.LAST_ADMIN,
                    "User " + user.id() + " is the last enabled administrator; make another user admin first.");
        }
    }

    private static Set<String> validPermissions(List<String> permissions) {
        if (permissions == null) {
            throw new GatehouseException(ErrorCode.MALFORMED_REQUEST, "Field 'permissions' is missing.");
        }
        return permissions.stream().map(UserAdministration::validPermission).collect(Collectors.toSet());
    }

    private static String validPermission(String permission) {
        if (permission == null || permission.length() > MAX_PERMISSION_LENGTH) {
            throw new GatehouseException(ErrorCode.INVALID_PERMISSION,
                    "A permission must be present and at most " + MAX_PERMISSION_LENGTH + " characters long.");
        }
        try {
            WildcardPermission.parse(permission);
        } catch (IllegalArgumentException e) {
            throw new GatehouseException(ErrorCode.INVALID_PERMISSION,
                    e.getMessage() + ". Use the form domain:action:instance, for example properties:read.");
        }
        return permission;
    }

    private void recordAction(AdminActor actor, String action, String target) {
        LOG.info("Admin {} performed {} ({})", actor.adminId(), action, target);
        events.record(AuthEvent.success(AuthEventType.ADMIN_ACTION).user(actor.adminId()).client(actor.client())
                .jti(actor.accessJti()).detail("action=" + action + " " + target));
    }
}
