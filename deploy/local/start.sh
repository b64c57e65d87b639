#!/usr/bin/env bash
# Starts Commerce Insight on this machine: the identity provider (Keycloak, from Maven Central, with the realm
# commerce-insight and its demo users), the embedded database (an H2 TCP server in MSSQLServer mode), a real Kafka
# broker (KRaft, from Maven Central jars), the four services, and on the first start a generated sample shop.
# Builds what is missing. Ctrl-C stops everything it started; a second start reuses the data in ./data.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/java-17-openjdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
fi
[ -n "${JAVA_HOME:-}" ] && export PATH="$JAVA_HOME/bin:$PATH"

data="${COMMERCE_DATA_DIR:-$root/data}"
db_port="${COMMERCE_DB_PORT:-9095}"
kafka_port="${COMMERCE_KAFKA_PORT:-9092}"
sample_orders="${COMMERCE_SAMPLE_ORDERS:-20000}"
gateway_port="${COMMERCE_GATEWAY_PORT:-8080}"
keycloak_port="${COMMERCE_KEYCLOAK_PORT:-8180}"
issuer="http://localhost:$keycloak_port/realms/commerce-insight"
services=(analytics-service:8081 prediction-service:8082 segmentation-service:8083 recommender-service:8084)
mkdir -p "$data/logs" "$data/imports"

missing=0
for entry in "${services[@]}"; do
  [ -f "${entry%%:*}/target/quarkus-app/quarkus-run.jar" ] || missing=1
done
[ -f deploy/target/local-run.classpath ] || missing=1
[ -f deploy/target/keycloak/bin/kc.sh ] || missing=1
if [ "$missing" = 1 ]; then
  echo "Building the services (first start) ..."
  mvn -B -q -ntp -DskipTests package
fi

pids=()
stop_all() {
  trap - INT TERM EXIT
  [ ${#pids[@]} -gt 0 ] || return 0
  echo; echo "Stopping ..."
  # Newest first: the services before the broker and the database they are still talking to.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    pid=${pids[$i]}
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  done
}
trap stop_all INT TERM EXIT

wait_for_port() { # port, name, pid
  for _ in $(seq 1 120); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    if ! kill -0 "$3" 2>/dev/null; then echo "$2 exited; see $data/logs/$2.log" >&2; exit 1; fi
    sleep 0.5
  done
  echo "$2 did not open port $1; see $data/logs/$2.log" >&2
  exit 1
}

wait_for() { # url, name, pid
  for _ in $(seq 1 180); do
    if curl -fs -o /dev/null "$1"; then return 0; fi
    if ! kill -0 "$3" 2>/dev/null; then echo "$2 exited; see $data/logs/$2.log" >&2; exit 1; fi
    sleep 1
  done
  echo "$2 did not become ready; see $data/logs/$2.log" >&2
  exit 1
}

# Keycloak first, as it takes longest (about 20 s): the database and the broker start meanwhile.
deploy/local/keycloak.sh "$data/keycloak" "$keycloak_port" > "$data/logs/keycloak.log" 2>&1 &
pids+=($!)
keycloak_pid=$!
deploy/local/database.sh "$data/db" "$db_port" > "$data/logs/database.log" 2>&1 &
pids+=($!)
wait_for_port "$db_port" database "$!"
deploy/local/kafka-broker.sh "$data/kafka" "$kafka_port" > "$data/logs/kafka.log" 2>&1 &
pids+=($!)
wait_for_port "$kafka_port" kafka "$!"
# H2 settings (applied when the database is first created): deploy/local/database.settings, also read by the
# end-to-end tests; why each setting is what it is: deploy/local/README.md.
h2_settings=$(grep -v '^#' deploy/local/database.settings | tr -d '[:space:]')
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:tcp://localhost:$db_port/commerce;MODE=MSSQLServer;$h2_settings"
# Open the database here, before the services do: the server opens its file on the first connection, which takes
# seconds once the file is large (about 7 s for 2 GB after the server was killed), longer than a service waits for a
# connection at start; analytics-service then failed to start.
local_run_classpath=$(cat deploy/target/local-run.classpath)
java -cp "$local_run_classpath" org.h2.tools.Shell -url "$QUARKUS_DATASOURCE_JDBC_URL" -user sa -password "" \
  -sql "SELECT 1" > "$data/logs/database-open.log" 2>&1 || { echo "the database did not open; see $data/logs/database-open.log" >&2; exit 1; }
export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$kafka_port"
export ANALYTICS_IMPORTS_DIRECTORY="$data/imports"
# The services verify the realm's tokens; the console signs in on its client with authorization code and PKCE.
wait_for "$issuer/.well-known/openid-configuration" keycloak "$keycloak_pid"
export QUARKUS_OIDC_AUTH_SERVER_URL="$issuer"
export COMMERCE_CONSOLE_OIDC_ISSUER="$issuer"
export COMMERCE_CONSOLE_OIDC_CLIENT_ID=commerce-console
# Browsers may call the APIs from the gateway's origin (the console, signed in, through the gateway).
export QUARKUS_HTTP_CORS_ORIGINS="http://localhost:$gateway_port"

if [ ! -f "$data/sample-shop.done" ]; then
  echo "Generating a sample shop of $sample_orders orders (first start) ..."
  java -jar analytics-service/target/quarkus-app/quarkus-run.jar generate \
    --orders "$sample_orders" --seed 42 --ground-truth "$data/sample-shop-ground-truth.csv" \
    > "$data/logs/generate.log" 2>&1 || { echo "generation failed; see $data/logs/generate.log" >&2; exit 1; }
  touch "$data/sample-shop.done"
fi

# Every process of the local run uses the parallel collector (database.sh and kafka-broker.sh too): seven busy JVMs
# share the machine's cores, and G1's concurrent work and write barriers cost them CPU that throughput needs. On the
# order-events benchmark the database server spent 0.8 ms of CPU per order with it against 1.0 ms with G1, and the
# whole system 1.7 ms against 2.1 ms; the heaps are small, so its pauses are short (freshness p99 was lower too).
for entry in "${services[@]}"; do
  name=${entry%%:*}; port=${entry##*:}
  java -XX:+UseParallelGC -jar "$name/target/quarkus-app/quarkus-run.jar" > "$data/logs/$name.log" 2>&1 &
  pids+=($!)
  # Health, metrics and OpenAPI are on each service's management port: 9181-9184 beside the API's 8081-8084.
  wait_for "http://localhost:$((port + 1100))/q/health/ready" "$name" "$!"
done

# The gateway is a source file run with the local run's class path (Vert.x), like the database server and the broker.
java -XX:+UseParallelGC -cp "$local_run_classpath" deploy/local/Gateway.java "$gateway_port" /api/analytics=http://127.0.0.1:8081 /console=http://127.0.0.1:8081 \
  /api/predictions=http://127.0.0.1:8082 /api/segments=http://127.0.0.1:8083 \
  /api/recommendations=http://127.0.0.1:8084 > "$data/logs/gateway.log" 2>&1 &
pids+=($!)
wait_for_port "$gateway_port" gateway "$!"

cat <<EOM

Commerce Insight is running (data in $data, logs in $data/logs).
  web console           http://localhost:$gateway_port/console/  (also http://localhost:8081/console/)
  gateway               http://localhost:$gateway_port/api/{analytics,predictions,segments,recommendations}/...
  analytics-service     http://localhost:8081/api/analytics      OpenAPI UI http://localhost:9181/q/swagger-ui
  prediction-service    http://localhost:8082/api/predictions    OpenAPI UI http://localhost:9182/q/swagger-ui
  segmentation-service  http://localhost:8083/api/segments       OpenAPI UI http://localhost:9183/q/swagger-ui
  recommender-service   http://localhost:8084/api/recommendations OpenAPI UI http://localhost:9184/q/swagger-ui
  database              $QUARKUS_DATASOURCE_JDBC_URL (user sa, empty password)
  kafka                 $KAFKA_BOOTSTRAP_SERVERS (topic commerce.orders.v1)
  import folder         $data/imports  (POST /api/analytics/imports with a path inside it)
  identity (Keycloak)   $issuer  admin console http://localhost:$keycloak_port/admin (admin / admin)

Demo users (realm commerce-insight; sign in on the console, or get a token on the client commerce-cli):
  user         password          role(s)
  shopper      demo-shopper      shopper (customer 1)
  analyst      demo-analyst      analyst
  operator     demo-operator     operator
  ml-engineer  demo-ml-engineer  ml-engineer
  admin-demo   demo-admin-demo   analyst, operator, ml-engineer
A token for curl:
  token=\$(curl -s -d grant_type=password -d client_id=commerce-cli -d username=analyst -d password=demo-analyst \\
    $issuer/protocol/openid-connect/token | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')
  curl -H "Authorization: Bearer \$token" http://localhost:$gateway_port/api/analytics/dashboards/sales
Press Ctrl-C to stop.
EOM
wait
