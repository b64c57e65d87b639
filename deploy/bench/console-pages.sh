#!/usr/bin/env bash
# Benchmark of the web console's pages: per page, the time it waits for analytics-service's API when opened unfiltered
# (its calls sent together, as the browser sends them, from the first request to the last answer), median and p95 over
# ROUNDS loads after WARMUP, plus the call with the largest p95 of each page (ConsolePagesBenchmark). The pages' calls
# to the ML services (Segments, Models, score / segment / recommendations on Customer, similar products on Product, the
# RFM map on Customer Insights) are not measured: only analytics-service runs here.
#
# Shares the generated shop with dashboards.sh (the same folder, so one generation serves both; run one at a time):
# generates it on first use, then starts analytics-service on it with OPTIMIZE_REUSE_RESULTS=0 (H2 would otherwise hand
# back the previous result of a repeated query on unchanged tables, which a shop taking orders never has), takes
# admin-demo's bearer token (identity.sh: the running issuer, else Keycloak started for the run) and prints the load
# average before and after.
# Build first: mvn -B -pl analytics-service -am -DskipTests package
#   deploy/bench/console-pages.sh [ORDERS=20000] [SEED=42] [ROUNDS=20] [WARMUP=5]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
orders=${1:-20000}
seed=${2:-42}
rounds=${3:-20}
warmup=${4:-5}
service="$root/analytics-service"
app="$service/target/quarkus-app"
[ -f "$app/quarkus-run.jar" ] && [ -f "$service/target/test-classes/com/commerceinsight/analytics/console/ConsolePagesBenchmark.class" ] || {
  echo "build first: mvn -B -pl analytics-service -am -DskipTests package" >&2; exit 1; }
work="$service/target/bench/dashboards-$orders-$seed"
mkdir -p "$work"
db="jdbc:h2:file:$work/shop;MODE=MSSQLServer"
if [ ! -f "$work/shop.mv.db" ] || [ ! -f "$work/generated" ]; then
  rm -f "$work"/shop.*
  echo "generating $orders orders (seed $seed) into $work ..."
  QUARKUS_DATASOURCE_JDBC_URL="$db" java -Xmx2g -jar "$app/quarkus-run.jar" generate --orders "$orders" --seed "$seed" \
    --ground-truth "$work/truth.csv" 2>/dev/null | grep -v '^  ' | tee "$work/generate.log"
  touch "$work/generated"
fi
echo "shop: $(du -h "$work/shop.mv.db" | cut -f1) database file; $(grep '^generated' "$work/generate.log" | tail -1)"
. "$root/deploy/bench/identity.sh"
trap 'bench_identity_stop' EXIT
bench_identity
token=$(bench_token admin-demo)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
management_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
QUARKUS_DATASOURCE_JDBC_URL="$db;OPTIMIZE_REUSE_RESULTS=0" QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT=300S QUARKUS_HTTP_PORT="$port" \
  QUARKUS_MANAGEMENT_PORT="$management_port" ANALYTICS_OUTBOX_RELAY_ENABLED=false \
  java -Xmx2g -jar "$app/quarkus-run.jar" > "$work/console-service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; bench_identity_stop' EXIT
for _ in $(seq 1 1800); do
  curl -sf "http://127.0.0.1:$management_port/q/health/ready" > /dev/null && break
  kill -0 $pid 2>/dev/null || { echo "the service stopped; see $work/console-service.log" >&2; exit 1; }
  sleep 1
done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Dbench.token="$token" -cp "$service/target/test-classes:$app/lib/main/*" com.commerceinsight.analytics.console.ConsolePagesBenchmark \
  "http://127.0.0.1:$port" "$rounds" "$warmup"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
