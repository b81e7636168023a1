package io.gatehouse.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens JDBC connections to a test's H2 database directly through the H2 driver. DriverManager is
 * avoided because Tomcat deregisters JDBC drivers when it undeploys a web application, which can
 * take the test's own registration with it.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static Connection connect(String url) throws SQLException {
        return new org.h2.Driver().connect(url, new Properties());
    }
}
