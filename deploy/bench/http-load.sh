#!/usr/bin/env bash
# Open-loop HTTP load on a running service: GET on URL_TEMPLATE ({id} replaced by ids FIRST_ID .. FIRST_ID+IDS-1,
# round-robin) at RATE requests/s for SECONDS, then latency p50/p95/p99/max (from each request's scheduled time)
# and the achieved throughput.
#   deploy/bench/http-load.sh URL_TEMPLATE FIRST_ID IDS [RATE=500] [SECONDS=30]
# e.g. deploy/bench/http-load.sh 'http://localhost:8084/api/recommendations/customers/{id}' 1 10000 500 30
# Build first: mvn -B -pl deploy test-compile
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
classes="$root/deploy/target/test-classes"
[ -f "$classes/com/commerceinsight/deploy/bench/OpenLoopHttpLoad.class" ] || { echo "build first: mvn -B -pl deploy test-compile" >&2; exit 1; }
exec java ${JAVA_OPTS:-} -cp "$classes" com.commerceinsight.deploy.bench.OpenLoopHttpLoad "$@"
