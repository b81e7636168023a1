package io.gatehouse.ratelimit;

/**
 * The state of one budget after a request, as reported in the {@code RateLimit-*} headers of the
 * IETF draft "RateLimit header fields for HTTP".
 *
 * @param limit requests allowed per window
 * @param remaining requests left in the current window
 * @param resetSeconds seconds until the budget is full again
 * @param retryAfterSeconds seconds until the next request may pass, when this one was rejected
 * @param allowed whether this request was within the budget
 */
public record RateLimitStatus(long limit, long remaining, long resetSeconds, long retryAfterSeconds, boolean allowed) {

    /** Returns the status that tells a client less room: the rejected one, else the one with fewer left. */
    public RateLimitStatus tighter(RateLimitStatus other) {
        if (allowed != other.allowed) {
            return allowed ? other : this;
        }
        return remaining <= other.remaining ? this : other;
    }
}
