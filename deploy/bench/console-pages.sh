#!/usr/bin/env bash
# Benchmark of the web console's pages: per page, the time it waits for analytics-service's API when opened unfiltered
# (its calls sent together, as the browser sends them, from the first request to the last answer), median and p95 over
# ROUNDS loads after WARMUP, plus the call with the largest p95 of each page (ConsolePagesBenchmark). The pages' calls
# to the ML services (Segments, Models, score / segment / recommendations on Customer, similar products on Product, the
# RFM map on Customer Insights) are not measured: only analytics-service runs here.
#
# Shares the generated shop and the service's start with dashboards.sh (shop-service.sh: one generation serves both;
# run one at a time); takes admin-demo's bearer token (identity.sh: the running issuer, else Keycloak started for the
# run) and prints the load average before and after.
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
. "$root/deploy/bench/shop-service.sh"
. "$root/deploy/bench/identity.sh"
bench_shop "$orders" "$seed"
trap 'bench_identity_stop' EXIT
bench_identity
token=$(bench_token admin-demo)
bench_shop_service console-service.log
java -Dbench.token="$token" -cp "$service/target/test-classes:$app/lib/main/*" com.commerceinsight.analytics.console.ConsolePagesBenchmark \
  "http://127.0.0.1:$port" "$rounds" "$warmup"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
