package com.commerceinsight.recommender.cli;

import picocli.CommandLine.Command;

/** The top of the command line: one subcommand per task. */
@Command(name = "recommender-service", mixinStandardHelpOptions = true,
        description = "Commerce Insight recommendations: train the recommenders once and exit.",
        subcommands = {TrainCommand.class})
public class RecommenderCommand {
}
