#!/usr/bin/env bash
# Does the local run's database server keep every commit it acknowledged when it is killed? Outside the whole system:
# eight clients commit small transactions against an H2 TCP server with the local run's settings, the server is killed
# (SIGKILL) after 3-8 s and started again, and every acknowledged row is looked up; ROUNDS rounds on a growing database.
# MODE: plain (org.h2.tools.Server, as the local run), held (the server also holds the database open), compact (held,
# and MVStore.compact every 100 ms, as H2's background writer would). H2_VERSION: the H2 jar tried (from the local
# Maven repository, fetched there if missing).
#   deploy/bench/database-kill.sh [MODE=plain] [ROUNDS=8] [H2_VERSION=the build's]
# Build first: mvn -B -pl deploy test-compile
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
classes="$root/deploy/target/test-classes"
[ -f "$classes/com/commerceinsight/deploy/e2e/DatabaseKillCheck.class" ] && [ -f "$root/deploy/target/local-run.classpath" ] \
  || { echo "build first: mvn -B -pl deploy test-compile" >&2; exit 1; }
mode="${1:-plain}"; rounds="${2:-8}"
classpath=$(cat "$root/deploy/target/local-run.classpath")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -n "${3:-}" ]; then
  # The version asked for in place of the build's (from the local Maven repository, or fetched into it).
  mvn -B -q -ntp dependency:copy -Dartifact="com.h2database:h2:$3" -DoutputDirectory="$work" >&2
  classpath="$work/h2-$3.jar:$(tr ':' '\n' <<< "$classpath" | grep -v '/com/h2database/h2/' | paste -sd:)"
fi
java -Xmx512m -Drepository.root="$root" -cp "$classes:$classpath" com.commerceinsight.deploy.e2e.DatabaseKillCheck "$mode" "$rounds" "$work/db"
