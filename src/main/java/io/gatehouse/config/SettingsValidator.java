package io.gatehouse.config;

import java.time.Duration;
import java.util.regex.Pattern;

/** Range checks that a type conversion alone cannot express. */
final class SettingsValidator {

    private static final int MIN_BCRYPT_COST = 4;
    private static final int MAX_BCRYPT_COST = 31;
    private static final int MIN_TOKEN_LENGTH_LIMIT = 1024;
    private static final Pattern SCRAPE_PATH = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*");

    private SettingsValidator() {
    }

    static void validate(GatehouseConfig gatehouse, JwtConfig jwt) {
        int cost = gatehouse.password().bcryptCost();
        require(cost >= MIN_BCRYPT_COST && cost <= MAX_BCRYPT_COST,
                "gatehouse.password.bcrypt-cost is " + cost + ": bcrypt accepts " + MIN_BCRYPT_COST
                        + " to " + MAX_BCRYPT_COST);
        int strength = gatehouse.password().minStrength();
        require(strength >= 0 && strength <= 4,
                "gatehouse.password.min-strength is " + strength + ": zxcvbn scores range from 0 to 4");
        require(gatehouse.password().minLength() >= 1,
                "gatehouse.password.min-length must be at least 1");
        require(gatehouse.database().maximumPoolSize() >= 1,
                "gatehouse.database.maximum-pool-size must be at least 1");
        require(gatehouse.admin().email().isPresent() == gatehouse.admin().password().isPresent(),
                "GATEHOUSE_ADMIN_EMAIL and GATEHOUSE_ADMIN_PASSWORD must be set together");

        GatehouseConfig.RateLimits limits = gatehouse.rateLimit();
        requireBudget("login-per-ip", limits.loginPerIp());
        requireBudget("login-per-account", limits.loginPerAccount());
        requireBudget("refresh-per-ip", limits.refreshPerIp());
        requireBudget("register-per-ip", limits.registerPerIp());
        require(gatehouse.lockout().maxFailures() >= 1, "gatehouse.lockout.max-failures must be at least 1");
        require(gatehouse.lockout().deviceMaxFailures() >= 1, "gatehouse.lockout.device-max-failures must be at least 1");
        requirePositive("gatehouse.lockout.duration", gatehouse.lockout().duration());
        requirePositive("gatehouse.lockout.device-cookie-lifetime", gatehouse.lockout().deviceCookieLifetime());
        require(gatehouse.maxBodySize() >= 1024, "gatehouse.max-body-size must be at least 1024 bytes");

        requirePositive("jwt.access-token-lifetime", jwt.accessTokenLifetime());
        requirePositive("jwt.refresh-token-lifetime", jwt.refreshTokenLifetime());
        require(jwt.refreshTokenLifetime().compareTo(jwt.accessTokenLifetime()) > 0,
                "jwt.refresh-token-lifetime must be longer than jwt.access-token-lifetime");
        require(!jwt.clockSkew().isNegative(), "jwt.clock-skew must not be negative");
        require(jwt.maxTokenLength() >= MIN_TOKEN_LENGTH_LIMIT,
                "jwt.max-token-length must be at least " + MIN_TOKEN_LENGTH_LIMIT + " characters");
        require(jwt.acceptedAudiences().map(list -> !list.isEmpty()).orElse(true),
                "jwt.accepted-audiences must name at least one audience");
        validateLifecycle(gatehouse);
    }

    private static void validateLifecycle(GatehouseConfig gatehouse) {
        require(!gatehouse.session().reuseGracePeriod().isNegative(),
                "gatehouse.session.reuse-grace-period must not be negative");
        requirePositive("gatehouse.session.denylist-refresh-interval", gatehouse.session().denylistRefreshInterval());
        requirePositive("gatehouse.audit.retention", gatehouse.audit().retention());
        requirePositive("gatehouse.audit.flush-interval", gatehouse.audit().flushInterval());
        require(gatehouse.audit().queueCapacity() >= 1, "gatehouse.audit.queue-capacity must be at least 1");
        requirePositive("gatehouse.cleanup.interval", gatehouse.cleanup().interval());
        require(gatehouse.cleanup().batchSize() >= 1, "gatehouse.cleanup.batch-size must be at least 1");
        GatehouseConfig.Detection detection = gatehouse.detection();
        requirePositive("gatehouse.detection.interval", detection.interval());
        requirePositive("gatehouse.detection.window", detection.window());
        require(detection.ipFailureThreshold() >= 1 && detection.distinctAccountThreshold() >= 1
                        && detection.distinctIpThreshold() >= 1 && detection.failureBurstThreshold() >= 1,
                "gatehouse.detection thresholds must be at least 1");
        gatehouse.metrics().scrapeToken().ifPresent(token ->
                SecretPolicy.check("GATEHOUSE_METRICS_SCRAPE_TOKEN (gatehouse.metrics.scrape-token)", token));
        String scrapePath = gatehouse.metrics().scrapePath();
        require(SCRAPE_PATH.matcher(scrapePath).matches() && !scrapePath.equals("metrics") && !scrapePath.startsWith("api/"),
                "gatehouse.metrics.scrape-path is '" + scrapePath + "': use segments of letters, digits, '-' or '_'"
                        + " separated by '/', without a leading '/', other than 'metrics' and outside 'api/'");
    }

    private static void requireBudget(String name, GatehouseConfig.Budget budget) {
        require(budget.limit() >= 1, "gatehouse.rate-limit." + name + ".limit must be at least 1");
        requirePositive("gatehouse.rate-limit." + name + ".window", budget.window());
    }

    private static void requirePositive(String name, Duration value) {
        require(!value.isNegative() && !value.isZero(), name + " must be a positive duration such as PT15M");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new ConfigurationException(message);
        }
    }
}
