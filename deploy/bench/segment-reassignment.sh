#!/usr/bin/env bash
# Benchmark of real-time segment reassignment: a shop with a year of history, a model trained over the API, then
# orders at a fixed rate; prints the freshness p50/p95/p99 from an order's event to its customer's segment.
# Starts the whole system (database server, Kafka broker, four services) on free ports from the packaged
# services, so build first: mvn -B -DskipTests package (and mvn -pl deploy test-compile).
#   deploy/bench/segment-reassignment.sh [HISTORY_ORDERS=4000] [RATE_PER_SECOND=100] [RATE_SECONDS=30]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root/deploy"
[ -d target/test-classes ] && [ -f target/local-run.classpath ] || { echo "build first: mvn -B -DskipTests package && mvn -B -pl deploy test-compile" >&2; exit 1; }
exec java -Drepository.root="$root" -Dlocal-run.classpath="$root/deploy/target/local-run.classpath" \
  -De2e.work.dir="$root/deploy/target/bench-segments" \
  -cp "target/test-classes:$(cat target/local-run.classpath)" com.commerceinsight.deploy.e2e.SegmentReassignmentBenchmark "$@"
