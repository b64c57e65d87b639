package com.commerceinsight.analytics.generator;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/** A private in-memory H2 database in MSSQLServer mode with the commerce schema migrated, without Quarkus. */
public final class FreshCommerceDatabase {

    private FreshCommerceDatabase() {
    }

    /** Opens (and migrates) the named database; the connection comes with autoCommit off, as the generator expects. */
    public static Connection open(String name) throws Exception {
        return migrated(DriverManager.getConnection("jdbc:h2:mem:" + name + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1", "sa", ""));
    }

    /** Opens (and migrates) an H2 file database at the given path, for the benchmark. */
    static Connection openFile(String path) throws Exception {
        return migrated(DriverManager.getConnection("jdbc:h2:file:" + path + ";MODE=MSSQLServer", "sa", ""));
    }

    @SuppressWarnings("deprecation")
    private static Connection migrated(Connection connection) throws Exception {
        System.setProperty("liquibase.analytics.enabled", "false");
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        // Liquibase's console summary would flood the test output; its log output is enough.
        Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService()), () ->
                new Liquibase("db/analytics-changelog.xml", new ClassLoaderResourceAccessor(), database).update(""));
        connection.setAutoCommit(false);
        return connection;
    }

    /** Closes the database (an in-memory one is dropped, so the next test starts empty). */
    public static void drop(Connection connection) throws Exception {
        try (Statement s = connection.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }

    /** SHA-256 over every column of every row of the table in id order: equal digests mean equal contents. */
    static String digest(Connection connection, String table, String where) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + table + " " + where + " ORDER BY id")) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    sha.update(String.valueOf(rs.getObject(i)).getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0x1f);
                }
                sha.update((byte) '\n');
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
