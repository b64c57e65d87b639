#!/usr/bin/env bash
# Benchmark of the dashboard and analysis endpoints: median and p95 latency over 20 calls after 5 warm-up calls each,
# unfiltered and then with one filter at a time, each on its own line, on a generated shop in an embedded H2 file
# database. Generates the shop on first use (generate rebuilds the dashboard summaries when it finishes, and prints how
# long that took), then starts analytics-service on it (which migrates an older file with Liquibase) and prints the
# load average before and after.
#
# The unfiltered call reads the whole history, which the kept counts (dashboard summaries, per-day sales counts) may
# answer on their own. The filters make an endpoint read what matches instead: every filter the endpoint takes (from
# its OpenAPI parameters) among categoryId, country, state, status and paymentMethod, each set to its commonest value
# in the shop (read from the unfiltered Sales Overview dashboard and the order status breakdown first, and printed with
# the share of orders it keeps), then two date ranges shorter than the history: the last 90 days (recent) and a 31-day
# month a year before the end (month). A line marked "same as unfiltered" got the unfiltered answer: the endpoint
# ignores that filter (e.g. status in the customer-history analyses), or the value kept every order.
#
# Every timed call is a distinct query: call k of a line asks for to = 2025-01-01 + k days (the generated window
# ends before that day, so each call still reads every order the filter keeps; the month moves its from and to k days
# on instead), and the service's database runs with OPTIMIZE_REUSE_RESULTS=0. H2 otherwise hands back the previous
# result of a query repeated with the same parameters on unchanged tables (a shop taking orders changes its tables all
# the time), and endpoints that ignore `to` (RFM, cohorts, low stock...) would repeat one query. The service itself
# caches no results.
# The service may wait up to 300 s for its first connection: opening a large H2 file on a loaded machine takes a while.
# A line whose timed calls take longer than BUDGET seconds in all stops early; it shows the calls timed.
#
# The calls carry admin-demo's bearer token: from the local run's Keycloak when it answers on port 8180, else from one
# started for the benchmark (identity.sh); the service verifies them against it.
# Build first: mvn -B -pl analytics-service -am -DskipTests package && mvn -B -pl analytics-service -am test-compile
# PATH_PART (e.g. dashboards/ or customers/, or several: dashboards/,rfm) limits the run to the endpoints whose path
# contains it (one of them). FILTERS limits the lines of each endpoint to those named, comma-separated, among none,
# categoryId, country, state, status, paymentMethod, recent and month (default: all of them).
#   deploy/bench/dashboards.sh [ORDERS=1000000] [SEED=42] [CALLS=20] [WARMUP=5] [BUDGET=120] [PATH_PART] [FILTERS]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
orders=${1:-1000000}
seed=${2:-42}
calls=${3:-20}
warmup=${4:-5}
budget=${5:-120}
path_part=${6:-}
filters=${7:-}
service="$root/analytics-service"
app="$service/target/quarkus-app"
[ -f "$app/quarkus-run.jar" ] && [ -d "$service/target/test-classes" ] || {
  echo "build first: mvn -B -pl analytics-service -am -DskipTests package && mvn -B -pl analytics-service -am test-compile" >&2; exit 1; }
. "$root/deploy/bench/shop-service.sh"
. "$root/deploy/bench/identity.sh"
bench_shop "$orders" "$seed"
trap 'bench_identity_stop' EXIT
bench_identity
bench_shop_service service.log
java -Dbench.issuer="$COMMERCE_OIDC_ISSUER" -cp "$service/target/test-classes:$app/lib/main/*" com.commerceinsight.analytics.dashboards.DashboardBenchmark \
  "http://127.0.0.1:$port" "$calls" "$warmup" "$budget" "$path_part" "$filters"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
