#!/usr/bin/env bash
# Runs Keycloak, the local identity provider, in development mode on loopback, in the foreground: the distribution
# the deploy module unpacks from Maven Central (org.keycloak:keycloak-quarkus-dist, into deploy/target/keycloak, by
# `mvn package`), realm commerce-insight imported from commerce-insight-realm.json beside this script when the
# database does not have it yet. Its database (an H2 file) lives in DATA_DIR, so a second start keeps the realm and
# its sessions; delete DATA_DIR to import the realm file afresh.
#   keycloak.sh DATA_DIR PORT
# The issuer is http://localhost:PORT/realms/commerce-insight whichever address a client uses (--hostname), so the
# tokens a test fetches on 127.0.0.1 carry the issuer the services are configured with.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
home="${KEYCLOAK_HOME:-$here/../target/keycloak}"
[ -f "$home/bin/kc.sh" ] || { echo "missing $home/bin/kc.sh: run mvn -DskipTests package first" >&2; exit 1; }
dir=$(mkdir -p "$1" && cd "$1" && pwd)
port=$2
# --import-realm reads the distribution's data/import folder (not configurable). Replaced by a rename, so a Keycloak
# starting at the same moment (the local run beside the end-to-end tests) never reads a half-written file.
mkdir -p "$home/data/import"
cp "$here/commerce-insight-realm.json" "$home/data/import/.commerce-insight-realm.json.$$"
mv -f "$home/data/import/.commerce-insight-realm.json.$$" "$home/data/import/commerce-insight-realm.json"
# An administrator of the master realm for the admin console (http://localhost:PORT/admin), created on the first
# start only; a local development account, never a deployed one.
export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"
exec sh "$home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$port" --hostname="http://localhost:$port" \
  --import-realm --db-url="jdbc:h2:file:$dir/h2/keycloakdb;NON_KEYWORDS=VALUE"
