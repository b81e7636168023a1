package io.gatehouse.admin;

import io.gatehouse.error.ErrorCode;
import io.gatehouse.error.GatehouseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The {@code from} and {@code to} query parameters: ISO-8601 instants, by default the last 24 hours. */
record TimeRange(Instant from, Instant to) {

    static final Duration DEFAULT_LENGTH = Duration.ofHours(24);

    static TimeRange parse(String from, String to, Clock clock) {
        Instant end = to == null ? clock.instant() : instant("to", to);
        Instant start = from == null ? end.minus(DEFAULT_LENGTH) : instant("from", from);
        return new TimeRange(start, end);
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new GatehouseException(ErrorCode.MALFORMED_REQUEST,
                    "Query parameter '" + name + "' must be an ISO-8601 instant such as 2026-01-31T12:00:00Z.");
        }
    }
}
