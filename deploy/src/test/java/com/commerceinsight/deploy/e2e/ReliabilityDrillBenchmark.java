package com.commerceinsight.deploy.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The drills at full length, for deploy/bench/drills.sh: the same drills as ReliabilityDrillsIT, with the plan from
 * {@code -Ddrill.*} (the script's defaults: the database and the broker away 30 s, a rolling restart of all four
 * services). Prints the table and each drill's problems; exits 1 if any drill had one.
 */
public final class ReliabilityDrillBenchmark {

    private ReliabilityDrillBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkRun.exitWith(ReliabilityDrillBenchmark::run, args);
    }

    private static void run(String[] args) throws Exception {
        LocalSystem system = LocalSystem.get();
        System.out.println("models active after " + system.awaitActiveModels(Duration.ofMinutes(15)).toSeconds() + " s");
        ReliabilityDrills drills = new ReliabilityDrills(system, ReliabilityDrills.Plan.fromSystemProperties());
        if (system.hasFaultLinks()) {
            drills.databaseUnreachable();
        }
        drills.databaseStopped();
        drills.databaseKilled();
        for (String service : LocalSystem.SERVICES) {
            drills.serviceKilled(service);
        }
        drills.brokerKilled();
        drills.twoInstancesRollingRestart();
        if (system.hasFaultLinks()) {
            drills.networkLatency(Duration.ofMillis(200));
            drills.networkResets();
            drills.networkBlackHole();
        }
        Path table = Path.of(System.getProperty("e2e.work.dir", "target/bench")).resolveSibling("drills.md");
        drills.writeTable(table);
        System.out.println(ReliabilityDrills.TABLE_HEADER);
        drills.results().forEach(result -> System.out.println(result.tableRow()));
        List<ReliabilityDrills.Result> failed = drills.results().stream().filter(result -> !result.problems().isEmpty()).toList();
        failed.forEach(result -> System.out.println("PROBLEMS in " + result.drill() + ": " + result.problems()));
        if (!failed.isEmpty()) {
            throw new AssertionError(failed.size() + " drill(s) had problems");
        }
    }
}
