package com.commerceinsight.prediction.cli;

import picocli.CommandLine.Command;

/** The top of the command line: one subcommand per task. */
@Command(name = "prediction-service", mixinStandardHelpOptions = true,
        description = "Commerce Insight repurchase prediction: train the models once and exit.",
        subcommands = {TrainCommand.class})
public class PredictionCommand {
}
