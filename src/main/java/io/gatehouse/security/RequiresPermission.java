package io.gatehouse.security;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Protects a resource class or method: the caller must present a valid access token and hold
 * every listed permission.
 *
 * <p>Permissions use the wildcard syntax described in {@link WildcardPermission}, for example
 * {@code properties:read}. Annotations on a class and on its method add up: a method annotated
 * {@code properties:write} inside a class annotated {@code properties:read} requires both, so a
 * class-level annotation is a floor that no method can lower.
 *
 * <p>With no permissions listed, any authenticated caller is admitted. Authentication failures
 * return 401; a caller lacking a permission gets 403 with the list of required permissions.
 */
@NameBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresPermission {

    /** Permissions that must all be granted; empty means authentication alone suffices. */
    String[] value() default {};
}
