#!/usr/bin/env bash
# Runs the embedded database server the four services share: H2 over TCP on loopback, in the foreground. The
# services connect with jdbc:h2:tcp://localhost:PORT/commerce;MODE=MSSQLServer.
#   database.sh DATA_DIR PORT
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
classpath_file="${LOCAL_RUN_CLASSPATH:-$here/../target/local-run.classpath}"
[ -f "$classpath_file" ] || { echo "missing $classpath_file: run mvn -DskipTests package first" >&2; exit 1; }
mkdir -p "$1"
# The parallel collector, as for every process of the local run (see start.sh).
exec java -XX:+UseParallelGC -Xmx1g -cp "$(cat "$classpath_file")" org.h2.tools.Server -tcp -tcpPort "$2" -ifNotExists -baseDir "$1"
