# Sourced by the benchmark scripts that call the services' APIs, which take a bearer token from the local identity
# provider (Keycloak, realm commerce-insight). The issuer is COMMERCE_OIDC_ISSUER, by default the local run's
# (http://localhost:8180/realms/commerce-insight).
#   bench_identity        makes sure the issuer answers: uses the running one (the local run's), else starts Keycloak
#                         on the issuer's port with deploy/local/keycloak.sh (a fresh realm in a temporary folder; about
#                         20 s; stopped by bench_identity_stop); exports QUARKUS_OIDC_AUTH_SERVER_URL for the services
#                         the script starts and COMMERCE_OIDC_ISSUER for http-load.sh
#   bench_token [USER]    prints an access token of the demo user USER (default admin-demo, password demo-USER) from the
#                         password grant on the client commerce-cli; it lives 30 minutes
#   bench_identity_stop   stops the Keycloak bench_identity started, if any (for the script's EXIT trap)
bench_issuer="${COMMERCE_OIDC_ISSUER:-http://localhost:8180/realms/commerce-insight}"
bench_keycloak_pid=""
bench_keycloak_data=""

bench_identity() {
  local here port
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  if ! curl -fs -o /dev/null "$bench_issuer/.well-known/openid-configuration"; then
    port=$(sed -E 's#^https?://[^:/]+:([0-9]+)/.*#\1#' <<<"$bench_issuer")
    bench_keycloak_data=$(mktemp -d -t bench-keycloak.XXXXXX)
    echo "starting Keycloak on port $port (log $bench_keycloak_data/keycloak.log)" >&2
    "$here/../local/keycloak.sh" "$bench_keycloak_data" "$port" > "$bench_keycloak_data/keycloak.log" 2>&1 &
    bench_keycloak_pid=$!
    for _ in $(seq 1 240); do
      curl -fs -o /dev/null "$bench_issuer/.well-known/openid-configuration" && break
      kill -0 "$bench_keycloak_pid" 2>/dev/null || { echo "Keycloak exited; see $bench_keycloak_data/keycloak.log" >&2; return 1; }
      sleep 1
    done
    curl -fs -o /dev/null "$bench_issuer/.well-known/openid-configuration" \
      || { echo "Keycloak did not answer at $bench_issuer; see $bench_keycloak_data/keycloak.log" >&2; return 1; }
  fi
  export QUARKUS_OIDC_AUTH_SERVER_URL="$bench_issuer" COMMERCE_OIDC_ISSUER="$bench_issuer"
}

bench_token() {
  local user=${1:-admin-demo} answer
  answer=$(curl -fs -d grant_type=password -d client_id=commerce-cli --data-urlencode "username=$user" \
    --data-urlencode "password=demo-$user" "$bench_issuer/protocol/openid-connect/token") \
    || { echo "no token for $user from $bench_issuer" >&2; return 1; }
  sed -E 's/.*"access_token":"([^"]+)".*/\1/' <<<"$answer"
}

bench_identity_stop() {
  if [ -n "$bench_keycloak_pid" ]; then
    kill "$bench_keycloak_pid" 2>/dev/null && wait "$bench_keycloak_pid" 2>/dev/null || true
    rm -rf "$bench_keycloak_data"
    bench_keycloak_pid=""
  fi
}
