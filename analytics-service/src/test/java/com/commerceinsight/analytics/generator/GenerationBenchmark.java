package com.commerceinsight.analytics.generator;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Measures generation speed: {@code GenerationBenchmark [orders=100000] [runs=3] [h2FileBase]}. Each run writes into
 * a fresh H2 database in MSSQLServer mode (in memory, or a file database at h2FileBase-runN when given) and the
 * median run is reported with the JVM's peak heap. Not a test: run it by hand (see the README's performance table).
 */
public final class GenerationBenchmark {

    private GenerationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long orders = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String fileBase = args.length > 2 ? args[2] : null;
        Path dir = Files.createTempDirectory("generation-benchmark");
        List<GenerationReport> reports = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            String name = fileBase == null ? "benchmark" + run : fileBase + "-run" + run;
            if (fileBase != null) {
                Files.deleteIfExists(Path.of(name + ".mv.db"));
            }
            Connection connection = fileBase == null ? FreshCommerceDatabase.open(name) : FreshCommerceDatabase.openFile(name);
            try {
                GenerationReport report = new ShopGenerator().generate(connection, GeneratorSettings.forOrders(orders, run),
                        dir.resolve("truth" + run + ".csv"), (done, total, written) -> System.out.printf(
                                "  %,d / %,d customers, %,d orders%n", done, total, written));
                reports.add(report);
                System.out.printf("run %d: %,d orders, %,d rows in %,d ms: %,.0f rows/s, %,.0f orders/s%n", run, report.orders(),
                        report.totalRows(), report.elapsedMillis(), report.rowsPerSecond(), report.ordersPerSecond());
            } finally {
                FreshCommerceDatabase.drop(connection);
            }
        }
        reports.sort(Comparator.comparingDouble(GenerationReport::rowsPerSecond));
        GenerationReport median = reports.get(reports.size() / 2);
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("median of %d: %,.0f rows/s, %,.0f orders/s (%,d rows, %,d ms); rows per table %s%n", runs,
                median.rowsPerSecond(), median.ordersPerSecond(), median.totalRows(), median.elapsedMillis(), median.rowsPerTable());
        System.out.printf("peak heap (sum of heap pools' peaks): %,d MB%n", peakHeap / (1024 * 1024));
    }
}
