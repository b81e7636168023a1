package io.gatehouse.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A permission in the wildcard syntax that Apache Shiro made common: colon-separated parts from
 * general to specific, such as {@code domain:action:instance}, each part a comma-separated list
 * of values or {@code *}.
 *
 * <ul>
 *   <li>{@code properties:read} allows reading properties.
 *   <li>{@code properties:read,write} allows reading and writing them.
 *   <li>{@code properties:*} allows every action on properties.
 *   <li>{@code *} allows everything; the seeded {@code admin} role has it.
 *   <li>{@code properties} (fewer parts) implies every more specific permission in that domain,
 *       such as {@code properties:read:42}.
 * </ul>
 *
 * <p>Parts are compared case-insensitively. Instances are immutable and thread-safe.
 */
public final class WildcardPermission {

    private static final String WILDCARD = "*";
    private static final String PART_DIVIDER = ":";
    private static final String VALUE_DIVIDER = ",";

    private final List<Set<String>> parts;
    private final String text;

    private WildcardPermission(String text, List<Set<String>> parts) {
        this.text = text;
        this.parts = parts;
    }

    /**
     * Parses a permission.
     *
     * @throws IllegalArgumentException when the text is blank or has an empty part
     */
    public static WildcardPermission parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A permission must not be blank");
        }
        String normalised = text.strip().toLowerCase(Locale.ROOT);
        List<Set<String>> parts = new ArrayList<>();
        for (String part : normalised.split(PART_DIVIDER, -1)) {
            Set<String> values = Arrays.stream(part.split(VALUE_DIVIDER, -1))
                    .map(String::strip)
                    .collect(Collectors.toUnmodifiableSet());
            if (values.contains("")) {
                throw new IllegalArgumentException("Permission '" + text + "' has an empty part");
            }
            parts.add(values);
        }
        return new WildcardPermission(normalised, List.copyOf(parts));
    }

    /**
     * Returns whether holding this permission grants the required one. Each part of this
     * permission must be a wildcard or contain every value of the matching required part. Parts
     * this permission lacks count as wildcards, and extra parts must all be wildcards.
     */
    public boolean implies(WildcardPermission required) {
        for (int i = 0; i < parts.size(); i++) {
            Set<String> granted = parts.get(i);
            boolean grantsAll = granted.contains(WILDCARD);
            if (i >= required.parts.size()) {
                if (!grantsAll) {
                    return false;
                }
                continue;
            }
            if (!grantsAll && !granted.containsAll(required.parts.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Returns whether any of the granted permissions implies the required one. */
    public static boolean isPermitted(Iterable<WildcardPermission> granted, WildcardPermission required) {
        for (WildcardPermission permission : granted) {
            if (permission.implies(required)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WildcardPermission permission && parts.equals(permission.parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
