package com.commerceinsight.orderevents.consumer;

import java.lang.reflect.Constructor;

import com.microsoft.sqlserver.jdbc.SQLServerException;

/** SQL Server's driver exceptions as the driver raises them for a server error, for the outage tests. */
final class SqlServerErrors {

    private SqlServerErrors() {
    }

    /**
     * The driver's own exception for a server error number (as read from the server's error token). Its constructor with
     * an error number is package-private, hence reflection: a real SQLServerException, not a look-alike.
     */
    static SQLServerException error(int errorNumber, String state) {
        try {
            Constructor<SQLServerException> constructor = SQLServerException.class.getDeclaredConstructor(String.class, String.class,
                    int.class, Throwable.class);
            constructor.setAccessible(true);
            return constructor.newInstance("server error " + errorNumber, state, errorNumber, null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
