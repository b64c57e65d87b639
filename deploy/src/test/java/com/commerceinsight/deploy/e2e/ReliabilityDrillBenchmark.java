package com.commerceinsight.deploy.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The drills at full length, for deploy/bench/drills.sh: the same drills as ReliabilityDrillsIT, with the plan from
 * {@code -Ddrill.*} (the script's defaults: the database and the broker away 30 s, a rolling restart of all four
 * services). Arguments name the drills to run (database-unreachable, database-stopped, database-killed,
 * SERVICE-killed, broker-killed, two-instances, network-latency, network-resets, network-black-hole); all by default.
 * Prints the table and each drill's problems; exits 1 if any drill had one.
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
        // Arguments name the drills to run (all by default): a drill found at fault can be run again alone.
        Set<String> only = Set.of(args);
        Map<String, ReliabilityDrills.Fault> all = new LinkedHashMap<>();
        if (system.hasFaultLinks()) {
            all.put("database-unreachable", drills::databaseUnreachable);
        }
        all.put("database-stopped", drills::databaseStopped);
        all.put("database-killed", drills::databaseKilled);
        for (String service : LocalSystem.SERVICES) {
            all.put(service + "-killed", () -> drills.serviceKilled(service));
        }
        all.put("broker-killed", drills::brokerKilled);
        all.put("two-instances", drills::twoInstancesRollingRestart);
        all.put("models-retrained", drills::modelsRetrained);
        if (system.hasFaultLinks()) {
            all.put("network-latency", () -> drills.networkLatency(Duration.ofMillis(200)));
            all.put("network-resets", drills::networkResets);
            all.put("network-black-hole", drills::networkBlackHole);
        }
        for (Map.Entry<String, ReliabilityDrills.Fault> drill : all.entrySet()) {
            if (only.isEmpty() || only.contains(drill.getKey())) {
                drill.getValue().breakAndMend();
            }
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
