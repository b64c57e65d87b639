#!/usr/bin/env bash
# The reliability drills at full length, each under a steady order load: the database server killed for 30 s, each
# service killed (SIGKILL) and restarted, the broker killed for 30 s, two instances of every service through a rolling
# restart of all four, and network faults between the services and the database and the broker (200 ms latency,
# connections reset, a black hole) through in-JVM TCP proxies. Starts the whole system on free ports from the packaged
# services, on a generated sample shop of SAMPLE_ORDERS orders (default 3000), so build first:
# mvn -B -DskipTests package (and mvn -pl deploy test-compile).
#   deploy/bench/drills.sh [DRILL ...]   (ORDERS_PER_SECOND=100 LEAD_SECONDS=20 TAIL_SECONDS=30 OUTAGE_SECONDS=30
#                                         NETWORK_FAULT_SECONDS=30 ROLLING_SERVICES=all four)
# DRILL names one to run, all by default: database-unreachable, database-stopped, database-killed,
# analytics-service-killed (and the other three services), broker-killed, two-instances, models-retrained,
# network-latency, network-resets, network-black-hole.
# Prints the table (drill, load, accepted, lost, doubled, 5xx, time to recover) and writes it to deploy/target/drills.md;
# exits 1 if any drill lost or doubled an order, answered a 5xx other than 503 with Retry-After, or left a consumer or
# a summary different from the commerce tables.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root/deploy"
[ -d target/test-classes ] && [ -f target/local-run.classpath ] || { echo "build first: mvn -B -DskipTests package && mvn -B -pl deploy test-compile" >&2; exit 1; }
exec java ${BENCH_JAVA_OPTS:-} -De2e.sample-orders="${SAMPLE_ORDERS:-3000}" -De2e.fault-links=true \
  -Ddrill.orders-per-second="${ORDERS_PER_SECOND:-100}" -Ddrill.lead-seconds="${LEAD_SECONDS:-20}" \
  -Ddrill.tail-seconds="${TAIL_SECONDS:-30}" -Ddrill.outage-seconds="${OUTAGE_SECONDS:-30}" \
  -Ddrill.network-fault-seconds="${NETWORK_FAULT_SECONDS:-30}" \
  -Ddrill.rolling-services="${ROLLING_SERVICES:-analytics-service,prediction-service,segmentation-service,recommender-service}" \
  -Drepository.root="$root" -Dlocal-run.classpath="$root/deploy/target/local-run.classpath" \
  -De2e.work.dir="$root/deploy/target/bench" \
  -cp "target/test-classes:$(cat target/local-run.classpath)" com.commerceinsight.deploy.e2e.ReliabilityDrillBenchmark "$@"
