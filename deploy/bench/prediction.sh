#!/usr/bin/env bash
# Repurchase prediction benchmarks on this machine, printing figures (one run each; the machine may be busy).
#   deploy/bench/prediction.sh training SOURCE...   training time of both models: the whole evaluation (10-fold CV, final
#                                                   fit, test, permutation importance) and the final fit alone; SOURCE is
#                                                   a commerce JDBC URL (e.g. a generated shop) or synthetic:N (N customers
#                                                   of random features per snapshot); -D options via JAVA_OPTS: folds (10), evaluate (true; false = the final fit only),
#                                                   threads (2), horizon (90)
#   deploy/bench/prediction.sh latency JDBC_URL FIRST_CUSTOMER CUSTOMERS [RATES=200,500,1000] [SECONDS=30] [CONTRIBUTION_RATES=RATES]
#                                                   starts prediction-service on that commerce database (Kafka channels
#                                                   off; it trains a model on start if it has none), requests every customer
#                                                   once (the first request reads the history and stores the feature vector),
#                                                   then at each RATE per second (open loop) the floor of the set-up
#                                                   (GET /q/health/live: HTTP, the worker pool and the load generator alone)
#                                                   and GET /api/predictions/customers/{id}/repurchase?contributions=0, and at
#                                                   each CONTRIBUTION_RATE the same with the top five contributions, printing
#                                                   latency p50/p95/p99 and throughput; SERVICE_JAVA_OPTS go to the service;
#                                                   PREDICTION_SERVING_AS_OF scores a historical shop as of its own time
#   deploy/bench/prediction.sh seed-shop DIR        imports the original's seed shop (the CSV folder) into a scratch H2
#                                                   database and prints what the original labelling gives under its own
#                                                   protocol beside a shuffled control and a future-purchase label
# Build first: mvn -B -DskipTests -pl analytics-service,prediction-service package && mvn -B -pl deploy test-compile
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
  latency)
    url=$1; first=$2; count=$3; rates=${4:-200,500,1000}; seconds=${5:-30}; contribution_rates=${6:-$rates}
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    log=$(mktemp -t prediction-bench.XXXXXX.log)
    # a large file database opens slowly on a busy machine: a minute, not the pool's default five seconds, to connect
    QUARKUS_DATASOURCE_JDBC_URL="$url" java -Dquarkus.http.port="$port" -Dquarkus.datasource.jdbc.acquisition-timeout=60s \
      -Dmp.messaging.incoming.orders.enabled=false \
      -Dmp.messaging.outgoing.orders-dead-letters.enabled=false -Dmp.messaging.outgoing.repurchase-scores.enabled=false \
      -Dmp.messaging.incoming.score-changes.enabled=false ${SERVICE_JAVA_OPTS:-} \
      -jar "$module/target/quarkus-app/quarkus-run.jar" >"$log" 2>&1 &
    service=$!
    trap 'kill $service 2>/dev/null; wait $service 2>/dev/null || true' EXIT
    echo "prediction-service on port $port (log $log); waiting for an active model" >&2
    base="http://localhost:$port/api/predictions/customers/{id}/repurchase"
    for _ in $(seq 1 900); do
      code=$(curl -s -o /dev/null -w '%{http_code}' "${base/\{id\}/$first}" || true)
      [ "$code" = 200 ] && break
      sleep 2
    done
    [ "$code" = 200 ] || { echo "no active model; see $log" >&2; exit 1; }
    echo "== first request per customer (history read, vector stored), 200/s"
    "$root/deploy/bench/http-load.sh" "$base?contributions=0" "$first" "$count" 200 $(( (count + 199) / 200 ))
    for rate in ${rates//,/ }; do
      echo "== floor: GET /q/health/live, $rate/s"
      "$root/deploy/bench/http-load.sh" "http://localhost:$port/q/health/live" "$first" "$count" "$rate" "$seconds"
      echo "== probability only (?contributions=0), the vector from the replica's cache, $rate/s"
      "$root/deploy/bench/http-load.sh" "$base?contributions=0" "$first" "$count" "$rate" "$seconds"
    done
    for rate in ${contribution_rates//,/ }; do
      echo "== with the top five contributions (default), the vector from the replica's cache, $rate/s"
      "$root/deploy/bench/http-load.sh" "$base" "$first" "$count" "$rate" "$seconds"
    done ;;
  seed-shop)
    dir=$(cd "$1" && pwd)
    db=$(mktemp -d -t seed-shop.XXXXXX)
    trap 'rm -rf "$db"' EXIT
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:file:$db/shop;MODE=MSSQLServer" \
      java -jar "$root/analytics-service/target/quarkus-app/quarkus-run.jar" import seed-shop "$dir" >"$db/import.log" 2>&1 \
      || { cat "$db/import.log" >&2; exit 1; }
    java ${JAVA_OPTS:-} -cp "$classpath" com.commerceinsight.prediction.bench.OriginalLabellingDemo "jdbc:h2:file:$db/shop;MODE=MSSQLServer" ;;
  *)
    echo "usage: $0 training SOURCE... | latency JDBC_URL FIRST_CUSTOMER CUSTOMERS [RATES] [SECONDS] [CONTRIBUTION_RATES] | seed-shop DIR" >&2; exit 2 ;;
esac
