package com.commerceinsight.deploy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateSqlCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.OfflineConnection;
import liquibase.database.core.MSSQLDatabase;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;

/**
 * Renders a service's changelog as the SQL Server script Liquibase would run on an empty database, without one:
 * an offline mssql connection, so only the mssql branches of the changelog are taken.
 */
final class MssqlChangelogRenderer {

    // Liquibase logs every change it renders at INFO; held here so the level is not lost with a collected logger.
    private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");

    static {
        LIQUIBASE_LOG.setLevel(Level.WARNING);
    }

    private MssqlChangelogRenderer() {
    }

    /** Renders the changelog to workDir/&lt;service&gt;.sql and returns the script. */
    static String render(ServiceChangelog changelog, Path workDir) throws Exception {
        Files.createDirectories(workDir);
        // Offline, Liquibase keeps the applied changesets in a CSV file; a fresh one renders the whole changelog.
        Path history = workDir.resolve(changelog.service() + "-history.csv");
        Files.deleteIfExists(history);
        ResourceAccessor resources = new DirectoryResourceAccessor(changelog.resources());
        // data_only: with the rows a real run writes to the service's changelog table, which is Liquibase's own DDL.
        String url = "offline:mssql?outputLiquibaseSql=data_only&changeLogFile=" + history;
        ByteArrayOutputStream script = new ByteArrayOutputStream();
        // Analytics off: the check runs offline and reports nothing to Liquibase's servers.
        Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), resources, "liquibase.analytics.enabled", false), () -> {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new OfflineConnection(url, resources));
            // Any other database would skip the dbms="mssql" branches and leave the check nothing to parse.
            if (!(database instanceof MSSQLDatabase)) {
                throw new IllegalStateException("offline:mssql opened " + database.getShortName() + ", not mssql");
            }
            database.setDatabaseChangeLogTableName(changelog.changelogTable());
            database.setDatabaseChangeLogLockTableName(changelog.lockTable());
            new CommandScope(UpdateSqlCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateSqlCommandStep.CHANGELOG_FILE_ARG, changelog.changelog())
                    .setOutput(script)
                    .execute();
        });
        String sql = script.toString(StandardCharsets.UTF_8);
        Files.writeString(workDir.resolve(changelog.service() + ".sql"), sql);
        return sql;
    }
}
