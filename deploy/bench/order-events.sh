#!/usr/bin/env bash
# Benchmark of the order event path on this machine: accepted orders/s and per-consumer freshness p50/p95/p99.
# Starts the whole system (database server, Kafka broker, four services) on free ports from the packaged
# services, so build first: mvn -B -DskipTests package (and mvn -pl deploy test-compile).
#   deploy/bench/order-events.sh [BURST_ORDERS=20000] [CLIENTS=64] [RATE_PER_SECOND=200] [RATE_SECONDS=30] [BURSTS=2] (4 for a median of bursts 2-4)
# BENCH_JAVA_OPTS=-Dbench.statement-statistics=true also prints the database time per statement during the burst.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root/deploy"
[ -d target/test-classes ] && [ -f target/local-run.classpath ] || { echo "build first: mvn -B -DskipTests package && mvn -B -pl deploy test-compile" >&2; exit 1; }
exec java ${BENCH_JAVA_OPTS:-} -Drepository.root="$root" -Dlocal-run.classpath="$root/deploy/target/local-run.classpath" \
  -De2e.work.dir="$root/deploy/target/bench" \
  -cp "target/test-classes:$(cat target/local-run.classpath)" com.commerceinsight.deploy.e2e.OrderIngestBenchmark "$@"
