package io.gatehouse.property;

import java.time.Instant;
import java.util.UUID;

/** The JSON form of a property. */
public record PropertyView(UUID id, String name, String city, UUID createdBy, Instant createdAt) {
}
