package com.commerceinsight.segmentation.cli;

import picocli.CommandLine.Command;

/** The top of the command line: one subcommand per task. */
@Command(name = "segmentation-service", mixinStandardHelpOptions = true,
        description = "Commerce Insight segmentation: train a k-means model once and exit.",
        subcommands = {TrainCommand.class})
public class SegmentationCommand {
}
