#!/usr/bin/env bash
# Benchmark of the order event path on this machine, the whole system with its models live: accepted orders/s, CPU per
# order until the system is idle again, and freshness p50/p95/p99 from an order's event to the consumers' output and to
# the answers served on the gateway. Starts the whole system (database server, Kafka broker, four services, gateway) on
# free ports from the packaged services, on a generated sample shop of SAMPLE_ORDERS orders (default 20000; the ML
# services train on it at start, and the benchmark waits for all three models), so build first:
# mvn -B -DskipTests package (and mvn -pl deploy test-compile).
#   deploy/bench/order-events.sh [BURST_ORDERS=20000] [CLIENTS=64] [RATE_PER_SECOND=200] [RATE_SECONDS=30] [BURSTS=2] (4 for a median of bursts 2-4)
# BENCH_JAVA_OPTS=-Dbench.statement-statistics=true also prints the database time per statement during the burst;
# -Dbench.samples-per-second=4 and -Dbench.poll-millis=20 set the sampled orders watched on the gateway.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root/deploy"
[ -d target/test-classes ] && [ -f target/local-run.classpath ] || { echo "build first: mvn -B -DskipTests package && mvn -B -pl deploy test-compile" >&2; exit 1; }
exec java ${BENCH_JAVA_OPTS:-} -De2e.sample-orders="${SAMPLE_ORDERS:-20000}" -Drepository.root="$root" -Dlocal-run.classpath="$root/deploy/target/local-run.classpath" \
  -De2e.work.dir="$root/deploy/target/bench" \
  -cp "target/test-classes:$(cat target/local-run.classpath)" com.commerceinsight.deploy.e2e.OrderIngestBenchmark "$@"
