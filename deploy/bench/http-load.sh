#!/usr/bin/env bash
# Open-loop HTTP load on a running service: GET on URL_TEMPLATE ({id} replaced by ids FIRST_ID .. FIRST_ID+IDS-1,
# round-robin) at RATE requests/s for SECONDS, then latency p50/p95/p99/max (from each request's scheduled time),
# the achieved throughput, responses by status with each status's latency apart, and the load generator's own CPU per
# request; with RUNS > 1, that many runs back to back and the median of their p50/p95/p99. An unmeasured warm-up of
# 5 s at RATE comes first, on the measured ids unless JAVA_OPTS says otherwise:
#   -Dload.warm-up-ids=FIRST:COUNT      warm up on these ids instead (so the warm-up fills no cache the run reads)
#   -Dload.metrics-url=URL -Dload.metric=NAME   print how that Prometheus counter's series moved during each run
#   -Dload.user=USER                    send USER's bearer token (default admin-demo; -Dload.password, default demo-USER)
# Every request carries a bearer token from the password grant on commerce-cli when the identity provider answers at
# COMMERCE_OIDC_ISSUER (default the local run's, http://localhost:8180/realms/commerce-insight); none when it does not.
#   deploy/bench/http-load.sh URL_TEMPLATE FIRST_ID IDS [RATE=500] [SECONDS=30] [RUNS=1]
# e.g. deploy/bench/http-load.sh 'http://localhost:8084/api/recommendations/customers/{id}' 1 10000 500 30
# Build first: mvn -B -pl deploy test-compile
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
classes="$root/deploy/target/test-classes"
[ -f "$classes/com/commerceinsight/deploy/bench/OpenLoopHttpLoad.class" ] && [ -f "$root/deploy/target/local-run.classpath" ] \
  || { echo "build first: mvn -B -pl deploy test-compile" >&2; exit 1; }
issuer="${COMMERCE_OIDC_ISSUER:-http://localhost:8180/realms/commerce-insight}"
identity=()
if curl -fs -o /dev/null "$issuer/.well-known/openid-configuration"; then
  identity=("-Dload.issuer=$issuer")
fi
# A small heap: the generator allocates little per request, and short young collections keep its own pauses out of
# the latencies it reports.
exec java -Xmx256m -XX:+UseSerialGC "${identity[@]}" ${JAVA_OPTS:-} -cp "$classes:$(cat "$root/deploy/target/local-run.classpath")" \
  com.commerceinsight.deploy.bench.OpenLoopHttpLoad "$@"
