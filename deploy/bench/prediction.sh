#!/usr/bin/env bash
# Repurchase prediction benchmarks on this machine, printing figures (one run each; the machine may be busy).
#   deploy/bench/prediction.sh training SOURCE...   training time of both models: the whole evaluation (10-fold CV, final
#                                                   fit, test, permutation importance) and the final fit alone; SOURCE is
#                                                   a commerce JDBC URL (e.g. a generated shop) or synthetic:N (N customers
#                                                   of random features per snapshot); -D options via JAVA_OPTS: folds (10), evaluate (true; false = the final fit only),
#                                                   threads (2), horizon (90)
#   deploy/bench/prediction.sh comparison JDBC_URL T  the out-of-time rows of a training job's report at cutoff T (random
#                                                   forest, boosted trees, BG/NBD) in one table, from the evaluation
#                                                   code a job runs; -D options via JAVA_OPTS: folds (10), threads (2), horizon (90)
#   deploy/bench/prediction.sh latency JDBC_URL FIRST_CUSTOMER CUSTOMERS [RATES=200,500,1000] [SECONDS=30] [CONTRIBUTION_RATES=RATES] [CACHE=shared]
#                                                   starts prediction-service on that commerce database (Kafka channels
#                                                   off; it trains a model on start if it has none) and splits the
#                                                   CUSTOMERS ids from FIRST_CUSTOMER in two halves: the second half
#                                                   warms the service up, the first half is measured, so no warm-up
#                                                   request fills the cache a timed run reads. Warm-up: the second
#                                                   half at 200/s (the first request per id reads the history and
#                                                   stores the feature vector; its figures measure nothing in
#                                                   particular), and before each timed run the load generator's own
#                                                   5 s at the run's rate on those ids. Then at each RATE per
#                                                   second (open loop) the floor of the set-up (GET /q/health/live:
#                                                   HTTP, the worker pool and the load generator alone) and GET
#                                                   /api/predictions/customers/{id}/repurchase?contributions=0, and at
#                                                   each CONTRIBUTION_RATE the same with the top five contributions.
#                                                   Each run prints latency p50/p95/p99/max of all requests, then of the
#                                                   200s and of the 404s (ids without an order) apart, the throughput,
#                                                   and what share of its requests the replica's vector cache answered
#                                                   (prediction_serving_vector_cache_requests_total by result, read from
#                                                   /q/metrics before and after the run; a hit may be a cached "no
#                                                   order", answered 404). CACHE=shared: every timed run measures the
#                                                   whole first half, round-robin, so the first run to reach an id
#                                                   pays its miss (history read, vector stored) and later runs find it
#                                                   cached, until prediction.serving.vector-cache.max-age (5 min) drops
#                                                   it. CACHE=cold: each timed run measures its own slice of the first
#                                                   half, ids this service never served before, each requested once
#                                                   (the run lasts slice / RATE seconds, at least 1: a shorter slice
#                                                   wraps and its repeats are hits); every request is then a miss
#                                                   whose vector is computed from the commerce history, or read from
#                                                   prediction.customer_score if an earlier run on the same database
#                                                   stored it (use a fresh copy of the shop for history reads only).
#                                                   SERVICE_JAVA_OPTS go to the service (e.g.
#                                                   -Dprediction.serving.vector-cache.max-customers=0: no cache at all);
#                                                   PREDICTION_SERVING_AS_OF scores a historical shop as of its own time.
#                                                   Calls carry admin-demo's bearer token: the local run's Keycloak
#                                                   when it runs, else one started for the benchmark (identity.sh)
#   deploy/bench/prediction.sh seed-shop DIR        imports the original's seed shop (the CSV folder) into a scratch H2
#                                                   database and prints what the original labelling gives under its own
#                                                   protocol beside a shuffled control and a future-purchase label
# Build first: mvn -B -DskipTests -pl analytics-service,prediction-service -am package && mvn -B -pl deploy test-compile
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
module="$root/prediction-service"
[ -d "$module/target/test-classes/com/commerceinsight/prediction/bench" ] && [ -d "$module/target/quarkus-app" ] \
  || { echo "build first (see the header of $0)" >&2; exit 1; }
classpath="$module/target/test-classes:$module/target/classes:$module/target/quarkus-app/lib/main/*"
mode=${1:-}
shift || true
case "$mode" in
  training)
    exec java ${JAVA_OPTS:-} -cp "$classpath" com.commerceinsight.prediction.bench.TrainingBenchmark "$@" ;;
  comparison)
    exec java ${JAVA_OPTS:-} -cp "$classpath" com.commerceinsight.prediction.bench.OutOfTimeComparison "$@" ;;
  latency)
    url=$1; first=$2; count=$3; rates=${4:-200,500,1000}; seconds=${5:-30}; contribution_rates=${6:-$rates}; cache=${7:-shared}
    case "$cache" in shared|cold) ;; *) echo "CACHE is shared or cold, not $cache" >&2; exit 2 ;; esac
    measured=$(( count / 2 )); warm_first=$(( first + measured )); warm_count=$(( count - measured ))
    (( measured >= 1 )) || { echo "CUSTOMERS must be at least 2: half warm up, half are measured" >&2; exit 2; }
    runs=$(( $(tr ',' '\n' <<<"$rates" | grep -c .) + $(tr ',' '\n' <<<"$contribution_rates" | grep -c .) ))
    slice=$(( measured / runs )); next=$first
    if [ "$cache" = cold ] && (( slice < 1 )); then
      echo "CACHE=cold needs at least $(( 2 * runs )) CUSTOMERS: one measured id per timed run" >&2; exit 2
    fi
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    # health and metrics are on the management interface, a port of its own
    management_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    log=$(mktemp -t prediction-bench.XXXXXX.log)
    . "$root/deploy/bench/identity.sh"
    trap 'bench_identity_stop' EXIT
    bench_identity
    # a large file database opens slowly on a busy machine: a minute, not the pool's default five seconds, to connect
    QUARKUS_DATASOURCE_JDBC_URL="$url" java -Dquarkus.http.port="$port" -Dquarkus.management.port="$management_port" -Dquarkus.datasource.jdbc.acquisition-timeout=60s \
      -Dmp.messaging.incoming.orders.enabled=false \
      -Dmp.messaging.outgoing.orders-dead-letters.enabled=false -Dmp.messaging.outgoing.repurchase-scores.enabled=false \
      -Dmp.messaging.incoming.score-changes.enabled=false ${SERVICE_JAVA_OPTS:-} \
      -jar "$module/target/quarkus-app/quarkus-run.jar" >"$log" 2>&1 &
    service=$!
    trap 'kill $service 2>/dev/null; wait $service 2>/dev/null || true; bench_identity_stop' EXIT
    echo "prediction-service on port $port (log $log); waiting for an active model" >&2
    base="http://localhost:$port/api/predictions/customers/{id}/repurchase"
    # asked on a warm-up id: 404 (no order) answers as surely as 200 that a model is active; 503 means none yet
    for _ in $(seq 1 900); do
      code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(bench_token)" "${base/\{id\}/$warm_first}" || true)
      [ "$code" = 200 ] || [ "$code" = 404 ] && break
      sleep 2
    done
    [ "$code" = 200 ] || [ "$code" = 404 ] || { echo "no active model; see $log" >&2; exit 1; }
    echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "ids: $first-$(( warm_first - 1 )) measured, $warm_first-$(( first + count - 1 )) for the warm-up; cache $cache"
    cache_metric="-Dload.metrics-url=http://localhost:$management_port/q/metrics -Dload.metric=prediction_serving_vector_cache_requests_total"
    warm_ids="-Dload.warm-up-ids=$warm_first:$warm_count"
    # not a measurement: the load generator's own 5 s warm-up has requested these ids already
    echo "== warm-up: every id of the warm-up half (its first request reads the history and stores the vector), 200/s"
    JAVA_OPTS="$cache_metric" "$root/deploy/bench/http-load.sh" "$base?contributions=0" "$warm_first" "$warm_count" 200 \
      $(( (warm_count + 199) / 200 ))
    # Measures URL at RATE: the whole measured half (shared), or the next slice of it, each id once (cold).
    timed() {
      local target=$1 rate=$2
      if [ "$cache" = shared ]; then
        JAVA_OPTS="$warm_ids $cache_metric" "$root/deploy/bench/http-load.sh" "$target" "$first" "$measured" "$rate" "$seconds"
      else
        echo "ids $next-$(( next + slice - 1 )), never requested before"
        JAVA_OPTS="$warm_ids $cache_metric" "$root/deploy/bench/http-load.sh" "$target" "$next" "$slice" "$rate" \
          $(( slice / rate > 1 ? slice / rate : 1 ))
        next=$(( next + slice ))
      fi
    }
    for rate in ${rates//,/ }; do
      echo "== floor: GET /q/health/live, $rate/s"
      "$root/deploy/bench/http-load.sh" "http://localhost:$management_port/q/health/live" "$first" "$measured" "$rate" "$seconds"
      echo "== probability only (?contributions=0), $rate/s"
      timed "$base?contributions=0" "$rate"
    done
    for rate in ${contribution_rates//,/ }; do
      echo "== with the top five contributions (default), $rate/s"
      timed "$base" "$rate"
    done
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" ;;
  seed-shop)
    dir=$(cd "$1" && pwd)
    db=$(mktemp -d -t seed-shop.XXXXXX)
    trap 'rm -rf "$db"' EXIT
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:file:$db/shop;MODE=MSSQLServer" \
      java -jar "$root/analytics-service/target/quarkus-app/quarkus-run.jar" import seed-shop "$dir" >"$db/import.log" 2>&1 \
      || { cat "$db/import.log" >&2; exit 1; }
    java ${JAVA_OPTS:-} -cp "$classpath" com.commerceinsight.prediction.bench.OriginalLabellingDemo "jdbc:h2:file:$db/shop;MODE=MSSQLServer" ;;
  *)
    echo "usage: $0 training SOURCE... | latency JDBC_URL FIRST_CUSTOMER CUSTOMERS [RATES] [SECONDS] [CONTRIBUTION_RATES] [CACHE] | seed-shop DIR" >&2; exit 2 ;;
esac
