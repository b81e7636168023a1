package io.gatehouse.security;

import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Registers a {@link PermissionFilter} for every resource method that {@link RequiresPermission}
 * covers, with the permissions of the class and the method combined. Working this out once at
 * deployment keeps reflection off the request path, and an invalid permission string fails the
 * deployment instead of a request.
 */
@Provider
public final class PermissionFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        Set<String> required = requiredPermissions(resourceInfo.getResourceClass(), resourceInfo.getResourceMethod());
        if (!required.isEmpty()) {
            context.register(new PermissionFilter(required));
        }
    }

    static Set<String> requiredPermissions(Class<?> resourceClass, Method method) {
        Set<String> required = new LinkedHashSet<>();
        RequiresPermission onClass = resourceClass.getAnnotation(RequiresPermission.class);
        if (onClass != null) {
            required.addAll(Arrays.asList(onClass.value()));
        }
        RequiresPermission onMethod = method.getAnnotation(RequiresPermission.class);
        if (onMethod != null) {
            required.addAll(Arrays.asList(onMethod.value()));
        }
        return required;
    }
}
