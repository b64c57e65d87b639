package com.commerceinsight.analytics.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import com.commerceinsight.analytics.dashboards.SummaryRebuilder;
import com.commerceinsight.analytics.generator.GenerationReport;
import com.commerceinsight.analytics.generator.GeneratorSettings;
import com.commerceinsight.analytics.generator.ShopGenerator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate}: writes a seeded synthetic shop into the database and its customers' ground truth to a file. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate a realistic shop (data_source 'generated') over the two years before --until; the same "
                + "seed and --until give the same data.")
public class GenerateCommand implements Callable<Integer> {

    @Option(names = "--orders", defaultValue = "20000", description = "target number of orders. Default: ${DEFAULT-VALUE}")
    long orders;

    @Option(names = "--seed", defaultValue = "42", description = "random seed. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--ground-truth", defaultValue = "data/ground-truth.csv",
            description = "where to write each customer's latent purchase rate, churn time and taste group "
                    + "(a seasonality file is written beside it). Default: ${DEFAULT-VALUE}")
    Path groundTruth;

    // Today by default: the services score and assess as of now, so a sample shop whose history stopped long ago
    // would show every customer as lapsed. Days are UTC, as every time the services store.
    @Option(names = "--until", description = "the day the generated two years of history end before (exclusive, ISO "
            + "date, UTC), so the last orders are of the day before. Default: today")
    LocalDate until;

    private final DataSource dataSource;
    private final ShopGenerator generator;
    private final SummaryRebuilder summaries;

    public GenerateCommand(DataSource dataSource, ShopGenerator generator, SummaryRebuilder summaries) {
        this.dataSource = dataSource;
        this.generator = generator;
        this.summaries = summaries;
    }

    @Override
    public Integer call() throws Exception {
        GeneratorSettings settings = GeneratorSettings.forOrders(orders, seed,
                until != null ? until : LocalDate.now(ZoneOffset.UTC));
        if (groundTruth.toAbsolutePath().getParent() != null) {
            Files.createDirectories(groundTruth.toAbsolutePath().getParent());
        }
        GenerationReport report;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            report = generator.generate(connection, settings, groundTruth, (done, total, written) ->
                    System.err.printf("  customers %,d / %,d, orders %,d%n", done, total, written));
        }
        System.out.printf("generated %,d orders (target %,d) for %,d customers: %,d rows in %,d ms, %,.0f rows/s, %,.0f orders/s%n",
                report.orders(), report.targetOrders(), report.customers(), report.totalRows(), report.elapsedMillis(),
                report.rowsPerSecond(), report.ordersPerSecond());
        report.rowsPerTable().forEach((table, rows) -> System.out.printf("  %-20s %,12d%n", table, rows));
        System.out.println("ground truth: " + groundTruth.toAbsolutePath());
        // A bulk load bypasses the live summary updates.
        RebuildSummariesCommand.print(summaries.rebuild());
        return 0;
    }
}
