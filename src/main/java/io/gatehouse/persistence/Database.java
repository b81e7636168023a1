package io.gatehouse.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gatehouse.config.GatehouseConfig;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.flywaydb.core.Flyway;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * The connection pool, the schema migrations and the JPA entity manager factory.
 *
 * <p>One HikariCP pool serves both Flyway and Hibernate. Flyway owns the schema; Hibernate only
 * validates that the entities match it, so a forgotten migration fails the start instead of the
 * first request.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(Database.class);
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^;&]*");
    private static final int HEALTH_CHECK_TIMEOUT_SECONDS = 2;

    private final HikariDataSource dataSource;
    private final EntityManagerFactory entityManagerFactory;

    private Database(HikariDataSource dataSource, EntityManagerFactory entityManagerFactory) {
        this.dataSource = dataSource;
        this.entityManagerFactory = entityManagerFactory;
    }

    /** Opens the pool, migrates the schema and starts Hibernate for the given entity classes. */
    public static Database start(GatehouseConfig.Database settings, List<Class<?>> entityClasses) {
        HikariDataSource dataSource = new HikariDataSource(poolConfig(settings));
        try {
            migrate(dataSource);
            return new Database(dataSource, entityManagerFactory(dataSource, entityClasses));
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static HikariConfig poolConfig(GatehouseConfig.Database settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("gatehouse");
        config.setJdbcUrl(settings.url());
        settings.user().ifPresent(config::setUsername);
        settings.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(settings.maximumPoolSize());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        if (settings.url().startsWith("jdbc:h2:")) {
            // Naming the driver avoids DriverManager, whose registry is shared across web applications
            // and can lose a driver that an earlier, undeployed application registered.
            config.setDriverClassName("org.h2.Driver");
        }
        return config;
    }

    private static void migrate(HikariDataSource dataSource) {
        Flyway flyway = Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
        int applied = flyway.migrate().migrationsExecuted;
        // MigrateResult names no version when nothing was applied, so ask for the current one.
        var current = flyway.info().current();
        LOG.info("Database schema at version {} ({} migrations applied now)",
                current == null ? "none" : current.getVersion(), applied);
    }

    private static EntityManagerFactory entityManagerFactory(HikariDataSource dataSource, List<Class<?>> entityClasses) {
        return new HibernatePersistenceConfiguration("gatehouse")
                .managedClasses(entityClasses)
                .property(AvailableSettings.DATASOURCE, dataSource)
                .property(AvailableSettings.HBM2DDL_AUTO, "validate")
                .property(AvailableSettings.SHOW_SQL, false)
                .createEntityManagerFactory();
    }

    /** Runs the work in one transaction, committing on return and rolling back on any exception. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        return entityManagerFactory.callInTransaction(work);
    }

    public void runInTransaction(Consumer<EntityManager> work) {
        entityManagerFactory.runInTransaction(work);
    }

    /** Returns whether a pooled connection passes a validity check within two seconds. */
    public boolean isAvailable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(HEALTH_CHECK_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            LOG.warn("Database health check failed: {}", e.getMessage());
            return false;
        }
    }

    /** Returns the JDBC URL with any password parameter masked, safe to log. */
    public static String redactUrl(String jdbcUrl) {
        return URL_PASSWORD.matcher(jdbcUrl).replaceAll("$1***");
    }

    @Override
    public void close() {
        entityManagerFactory.close();
        dataSource.close();
    }
}
