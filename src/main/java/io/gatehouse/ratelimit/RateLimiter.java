package io.gatehouse.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.gatehouse.config.GatehouseConfig;
import io.gatehouse.error.ErrorCode;
import io.gatehouse.error.GatehouseException;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * In-memory token buckets (Bucket4j) for one node, one per policy and key. A bucket holds
 * {@code limit} tokens and refills all of them once per window; consuming is lock-free and
 * atomic, so concurrent requests can never overdraw a budget.
 *
 * <p>Buckets live in a Caffeine cache that evicts a key once its window has passed unused, which
 * bounds memory under a flood of distinct keys without evicting an active budget early.
 *
 * <p>NOTE: budgets are per node. Behind a load balancer with N nodes a client gets up to N times
 * the limit; account lockout, which lives in the database, still applies across nodes.
 */
public final class RateLimiter {

    private static final Logger LOG = LogManager.getLogger(RateLimiter.class);
    private static final int MAX_KEYS_PER_POLICY = 100_000;

    private final Map<RateLimitPolicy, Budget> budgets = new EnumMap<>(RateLimitPolicy.class);

    public RateLimiter(GatehouseConfig.RateLimits settings) {
        budgets.put(RateLimitPolicy.LOGIN_PER_IP, new Budget(settings.loginPerIp()));
        budgets.put(RateLimitPolicy.LOGIN_PER_ACCOUNT, new Budget(settings.loginPerAccount()));
        budgets.put(RateLimitPolicy.REFRESH_PER_IP, new Budget(settings.refreshPerIp()));
        budgets.put(RateLimitPolicy.REGISTER_PER_IP, new Budget(settings.registerPerIp()));
    }

    /** Consumes one request from the budget of the key and returns the budget's state. */
    public RateLimitStatus consume(RateLimitPolicy policy, String key) {
        Budget budget = budgets.get(policy);
        ConsumptionProbe probe = budget.bucket(key).tryConsumeAndReturnRemaining(1);
        RateLimitStatus status = new RateLimitStatus(
                budget.limit,
                probe.getRemainingTokens(),
                seconds(probe.getNanosToWaitForReset()),
                seconds(probe.getNanosToWaitForRefill()),
                probe.isConsumed());
        if (!status.allowed() && budget.firstRejectionInWindow(key)) {
            // Logged once per key and window, so a flood cannot flood the log too.
            LOG.warn("Rate limit of {} requests per {} reached on {} for {} {}",
                    budget.limit, budget.window, policy.route(), policy.keyDescription(),
                    policy == RateLimitPolicy.LOGIN_PER_ACCOUNT ? "(account withheld)" : key);
        }
        return status;
    }

    /** Throws {@code RATE_LIMITED}, with {@code Retry-After}, when the status is a rejection. */
    public static void enforce(RateLimitStatus status) {
        if (!status.allowed()) {
            throw GatehouseException.retryLater(ErrorCode.RATE_LIMITED,
                    "Too many requests. Retry after " + status.retryAfterSeconds() + " seconds.", status.retryAfterSeconds());
        }
    }

    private static long seconds(long nanos) {
        return Math.max(0, (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }

    /** The buckets and rejection log of one policy. */
    private static final class Budget {

        private final long limit;
        private final Duration window;
        private final Cache<String, Bucket> buckets;
        private final Cache<String, Boolean> loggedRejections;

        Budget(GatehouseConfig.Budget settings) {
            this.limit = settings.limit();
            this.window = settings.window();
            this.buckets = Caffeine.newBuilder().expireAfterAccess(window).maximumSize(MAX_KEYS_PER_POLICY).build();
            this.loggedRejections = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(MAX_KEYS_PER_POLICY).build();
        }

        Bucket bucket(String key) {
            return buckets.get(key, ignored -> Bucket.builder()
                    .addLimit(bandwidth -> bandwidth.capacity(limit).refillIntervally(limit, window))
                    .build());
        }

        boolean firstRejectionInWindow(String key) {
            return loggedRejections.asMap().putIfAbsent(key, Boolean.TRUE) == null;
        }
    }
}
