package io.gatehouse.web;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientException;

/** Recognises exceptions that mean the database is unreachable or overloaded, not a bug. */
final class DatabaseFailures {

    private static final String CONNECTION_EXCEPTION_SQL_STATE_CLASS = "08";

    private DatabaseFailures() {
    }

    static boolean isUnavailable(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(CONNECTION_EXCEPTION_SQL_STATE_CLASS)) {
                return true;
            }
            if (cause instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
        }
        return false;
    }
}
