#!/usr/bin/env bash
# Recommender benchmarks on this machine, printing figures (one run, medians; the machine may be busy).
#   deploy/bench/recommender.sh als [SIZE...]        ALS seconds per sweep and fold-in time on synthetic planted-taste
#                                                    matrices, SIZE = customersxproducts (default 10000x1000 100000x10000);
#                                                    -D options via JAVA_OPTS: factors (32), interactions (20), sweeps (5), cg (3)
#   deploy/bench/recommender.sh latency JDBC_URL FIRST_CUSTOMER CUSTOMERS [RATE=500] [SECONDS=30] [WARMUP_SECONDS=10] [RUNS=1]
#                                                    starts recommender-service on that commerce database (Kafka channels
#                                                    off), trains and activates a model if none is active, sends the load
#                                                    for WARMUP_SECONDS unmeasured (a fresh JVM compiles the request path
#                                                    under load first), then GET /api/recommendations/customers/{id} at
#                                                    RATE per second (open loop) and prints latency p50/p95/p99 and throughput;
#                                                    RUNS > 1 repeats the timed run and prints the median of the runs' quantiles
# Build first: mvn -B -DskipTests -pl analytics-service,recommender-service -am package && mvn -B -pl recommender-service,deploy -am test-compile
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
module="$root/recommender-service"
[ -d "$module/target/test-classes/com/commerceinsight/recommender/bench" ] || { echo "build first (see the header of $0)" >&2; exit 1; }
classes="$module/target/classes:$module/target/test-classes"
mode=${1:-als}
shift || true
case "$mode" in
  als)
    exec java ${JAVA_OPTS:-} -cp "$classes" com.commerceinsight.recommender.bench.AlsBenchmark "$@" ;;
  latency)
    url=$1; first=$2; count=$3; rate=${4:-500}; seconds=${5:-30}; warmup=${6:-10}; runs=${7:-1}
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    log=$(mktemp -t recommender-bench.XXXXXX.log)
    # Calls carry admin-demo's bearer token: the local run's Keycloak when it runs, else one started here (identity.sh).
    . "$root/deploy/bench/identity.sh"
    trap 'bench_identity_stop' EXIT
    bench_identity
    QUARKUS_DATASOURCE_JDBC_URL="$url" java -Dquarkus.http.port="$port" -Dquarkus.management.port=0 -Dmp.messaging.incoming.orders.enabled=false \
      -Dmp.messaging.outgoing.orders-dead-letters.enabled=false -jar "$module/target/quarkus-app/quarkus-run.jar" >"$log" 2>&1 &
    service=$!
    trap 'kill $service 2>/dev/null; wait $service 2>/dev/null || true; bench_identity_stop' EXIT
    echo "recommender-service on port $port (log $log); waiting for an active model" >&2
    for _ in $(seq 1 900); do
      code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(bench_token)" \
        "localhost:$port/api/recommendations/customers/$first" || true)
      [ "$code" = 200 ] && break
      sleep 2
    done
    [ "$code" = 200 ] || { echo "no active model; see $log" >&2; exit 1; }
    target="http://localhost:$port/api/recommendations/customers/{id}"
    [ "$warmup" -gt 0 ] && "$root/deploy/bench/http-load.sh" "$target" "$first" "$count" "$rate" "$warmup" >/dev/null
    "$root/deploy/bench/http-load.sh" "$target" "$first" "$count" "$rate" "$seconds" "$runs" ;;
  *)
    echo "usage: $0 als [SIZE...] | latency JDBC_URL FIRST_CUSTOMER CUSTOMERS [RATE] [SECONDS] [WARMUP_SECONDS] [RUNS]" >&2; exit 2 ;;
esac
