package com.commerceinsight.segmentation.cli;

import jakarta.inject.Inject;

import com.commerceinsight.apikit.cli.CommandMode;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import picocli.CommandLine;

/**
 * Entry point of segmentation-service. Without arguments it is the web service; with arguments it is the command line
 * ({@code train}) on the same configuration and database, and exits when the command is done.
 */
@QuarkusMain
public class SegmentationServiceMain implements QuarkusApplication {

    @Inject
    CommandLine.IFactory commandFactory;

    public static void main(String... args) {
        if (args.length > 0) {
            // A command needs the database only: no HTTP listener, no training of its own at start or on a schedule,
            // no order-event consumer (a job must not join the serving replicas' consumer group), no outgoing messages.
            CommandMode.withoutServerPorts();
            System.setProperty("segmentation.training.train-on-start", "false");
            System.setProperty("segmentation.training.retrain-cron", "off");
            System.setProperty("mp.messaging.incoming.orders.enabled", "false");
            System.setProperty("mp.messaging.outgoing.segment-changes.enabled", "false");
            System.setProperty("mp.messaging.outgoing.orders-dead-letters.enabled", "false");
        }
        Quarkus.run(SegmentationServiceMain.class, args);
    }

    @Override
    public int run(String... args) {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        return new CommandLine(SegmentationCommand.class, commandFactory).execute(args);
    }
}
