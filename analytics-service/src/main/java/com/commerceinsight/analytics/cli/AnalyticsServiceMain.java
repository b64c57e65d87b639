package com.commerceinsight.analytics.cli;

import jakarta.inject.Inject;

import com.commerceinsight.apikit.cli.CommandMode;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import picocli.CommandLine;

/**
 * Entry point of analytics-service. Without arguments it is the web service; with arguments it is the
 * administration command line ({@code import}, {@code generate}) on the same configuration and database, and
 * exits when the command is done.
 */
@QuarkusMain
public class AnalyticsServiceMain implements QuarkusApplication {

    @Inject
    CommandLine.IFactory commandFactory;

    public static void main(String... args) {
        if (args.length > 0) {
            CommandMode.withoutServerPorts();
            // Publishing the outbox and applying its events to the read models are the service's jobs, not a command's.
            System.setProperty("analytics.outbox.relay-enabled", "false");
            System.setProperty("analytics.projection.enabled", "false");
        }
        Quarkus.run(AnalyticsServiceMain.class, args);
    }

    @Override
    public int run(String... args) {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        return new CommandLine(AdminCommand.class, commandFactory).execute(args);
    }
}
