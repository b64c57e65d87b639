# Sourced by dashboards.sh and console-pages.sh: the generated shop they share (one folder per order count and seed,
# so one generation serves both; run one at a time) and analytics-service started on it. The caller sets service
# (analytics-service's folder) and app (its quarkus-app folder).
#   bench_shop ORDERS SEED   sets work and db; generates the shop into work on first use (generate also rebuilds the
#                            dashboard summaries and prints how long that took) and prints its size
#   bench_shop_service LOG   starts analytics-service on the shop with identity.sh's issuer, no outbox relay and
#                            OPTIMIZE_REUSE_RESULTS=0 (H2 would otherwise hand back the previous result of a repeated
#                            query on unchanged tables, which a shop taking orders never has), its log in work/LOG; sets
#                            port and pid, stops it (and identity.sh's Keycloak) on exit, and waits until it is ready:
#                            up to 300 s for its first connection, since opening a large H2 file on a loaded machine
#                            takes a while; prints the load average then
bench_shop() {
  local orders=$1 seed=$2
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
}

bench_shop_service() {
  local log=$1 management_port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  management_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  QUARKUS_DATASOURCE_JDBC_URL="$db;OPTIMIZE_REUSE_RESULTS=0" QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT=300S \
    QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_PORT="$management_port" ANALYTICS_OUTBOX_RELAY_ENABLED=false \
    java -Xmx2g -jar "$app/quarkus-run.jar" > "$work/$log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; bench_identity_stop' EXIT
  for _ in $(seq 1 1800); do
    curl -sf "http://127.0.0.1:$management_port/q/health/ready" > /dev/null && break
    kill -0 $pid 2>/dev/null || { echo "the service stopped; see $work/$log" >&2; exit 1; }
    sleep 1
  done
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
}
