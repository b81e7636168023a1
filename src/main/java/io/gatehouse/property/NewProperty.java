package io.gatehouse.property;

/** The body of {@code POST /api/properties}. */
public record NewProperty(String name, String city) {
}
