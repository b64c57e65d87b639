#!/usr/bin/env bash
# Benchmark of the web console's calls to the three ML services (Segments, Models, the Customer page's score, segment
# and recommendations, the Product page's similar products, the RFM map), which console-pages.sh cannot measure: the
# whole system (database server, Kafka broker, four services, gateway) on a generated sample shop of SAMPLE_ORDERS
# orders (default 20000) with its three models trained and active, each page's calls sent together through the gateway,
# median and p95 over ROUNDS loads after WARMUP (ConsoleMlPagesBenchmark). Build first:
# mvn -B -DskipTests package && mvn -B -pl deploy -am test-compile.
# BENCH_JAVA_OPTS go to the benchmark's JVM: -De2e.service-jvm-options=-Xmx2g gives the services room for a large shop;
# -De2e.reuse-sample-shop=true starts the last run's database again (same SAMPLE_ORDERS: shop and models as left).
#   deploy/bench/console-ml-pages.sh [ROUNDS=20] [WARMUP=5]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root/deploy"
[ -d target/test-classes ] && [ -f target/local-run.classpath ] || { echo "build first: mvn -B -DskipTests package && mvn -B -pl deploy -am test-compile" >&2; exit 1; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java ${BENCH_JAVA_OPTS:-} -De2e.sample-orders="${SAMPLE_ORDERS:-20000}" -Drepository.root="$root" -Dlocal-run.classpath="$root/deploy/target/local-run.classpath" \
  -De2e.work.dir="$root/deploy/target/bench" \
  -cp "target/test-classes:$(cat target/local-run.classpath)" com.commerceinsight.deploy.e2e.ConsoleMlPagesBenchmark "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
