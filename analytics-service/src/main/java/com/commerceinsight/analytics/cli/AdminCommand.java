package com.commerceinsight.analytics.cli;

import picocli.CommandLine.Command;

/** The top of the command line: one subcommand per administration task. */
@Command(name = "analytics-service", mixinStandardHelpOptions = true,
        description = "Commerce Insight administration: import real data sets, generate a synthetic shop, rebuild the dashboard summaries.",
        subcommands = {ImportCommand.class, GenerateCommand.class, RebuildSummariesCommand.class})
public class AdminCommand {
}
