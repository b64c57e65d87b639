package com.commerceinsight.apikit.cli;

/**
 * What every service's entry point sets before Quarkus starts when it runs a command ({@code import}, {@code train}...)
 * instead of serving: a command needs the database, not the web server, so it opens no HTTP listener and takes no fixed
 * management port (a free one on loopback). It can then run beside a running service, and beside another command.
 */
public final class CommandMode {

    private CommandMode() {
    }

    /** Call from {@code main} before {@code Quarkus.run} when arguments name a command. */
    public static void withoutServerPorts() {
        System.setProperty("quarkus.http.host-enabled", "false");
        System.setProperty("quarkus.management.host", "localhost");
        System.setProperty("quarkus.management.port", "0");
    }
}
