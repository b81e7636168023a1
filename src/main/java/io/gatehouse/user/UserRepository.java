package io.gatehouse.user;

import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.UUID;

/** Queries for users and roles, run inside the caller's transaction. */
public final class UserRepository {

    public Optional<User> findByEmail(EntityManager em, EmailAddress email) {
        return em.createQuery("select u from User u where u.emailKey = :key", User.class)
                .setParameter("key", email.key())
                .getResultStream()
                .findFirst();
    }

    public Optional<User> findById(EntityManager em, UUID id) {
        return Optional.ofNullable(em.find(User.class, id));
    }

    public boolean existsWithRole(EntityManager em, String roleName) {
        return !em.createQuery("select u.id from User u where u.role.name = :role", UUID.class)
                .setParameter("role", roleName)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    public Role role(EntityManager em, String name) {
        Role role = em.find(Role.class, name);
        if (role == null) {
            throw new IllegalStateException("Role '" + name + "' is missing: the database migrations did not run");
        }
        return role;
    }
}
