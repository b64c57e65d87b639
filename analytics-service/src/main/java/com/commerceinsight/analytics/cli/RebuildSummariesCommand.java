package com.commerceinsight.analytics.cli;

import java.util.concurrent.Callable;

import com.commerceinsight.analytics.dashboards.SummaryRebuilder;

import picocli.CommandLine.Command;

/** {@code rebuild-summaries}: recomputes the dashboards' daily summaries from the commerce tables. */
@Command(name = "rebuild-summaries", mixinStandardHelpOptions = true,
        description = "Recompute the daily summaries behind the dashboards from the commerce tables (generate and import run it when they finish).")
public class RebuildSummariesCommand implements Callable<Integer> {

    private final SummaryRebuilder rebuilder;

    public RebuildSummariesCommand(SummaryRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @Override
    public Integer call() throws Exception {
        print(rebuilder.rebuild());
        return 0;
    }

    static void print(SummaryRebuilder.Report report) {
        System.out.printf("summaries rebuilt in %,d ms: %,d order rows, %,d category rows, %,d payment rows%n",
                report.elapsedMillis(), report.orderRows(), report.categoryRows(), report.paymentRows());
    }
}
