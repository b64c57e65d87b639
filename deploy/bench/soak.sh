#!/usr/bin/env bash
# The soak: the whole system for MINUTES (default 30) under ORDERS_PER_SECOND orders/s (default 200) with as many
# scoring and recommendation reads each, sampling every process's heap in use (jcmd GC.heap_info), resident set
# (/proc/PID/status VmRSS) and native memory committed (jcmd VM.native_memory summary; native memory tracking is on in
# every JVM) every 10 s, and every LIVE_HEAP_MINUTES (default 5) the live heap after a full collection (jcmd
# GC.class_histogram), into deploy/target/soak/memory.csv; then draws deploy/target/soak/memory.png and prints each
# process's slope per hour (least squares over the samples after the first 2 minutes of warm-up). A benchmark, not a
# test. Starts the system on free ports from the packaged services, on a generated shop of SAMPLE_ORDERS orders
# (default 20000), so build first: mvn -B -DskipTests package (and mvn -pl deploy test-compile). Drawing needs Debian's
# python3-matplotlib.
#   deploy/bench/soak.sh     (MINUTES=30 ORDERS_PER_SECOND=200 SAMPLE_ORDERS=20000 LIVE_HEAP_MINUTES=5)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root/deploy"
[ -d target/test-classes ] && [ -f target/local-run.classpath ] || { echo "build first: mvn -B -DskipTests package && mvn -B -pl deploy test-compile" >&2; exit 1; }
out="$root/deploy/target/soak"
mkdir -p "$out"
java --add-exports jdk.attach/sun.tools.attach=ALL-UNNAMED ${BENCH_JAVA_OPTS:-} -De2e.sample-orders="${SAMPLE_ORDERS:-20000}" \
  -De2e.service-jvm-options=-XX:NativeMemoryTracking=summary -De2e.server-jvm-options=-XX:NativeMemoryTracking=summary \
  -Dsoak.minutes="${MINUTES:-30}" -Dsoak.orders-per-second="${ORDERS_PER_SECOND:-200}" -Dsoak.live-heap-minutes="${LIVE_HEAP_MINUTES:-5}" -Dsoak.csv="$out/memory.csv" \
  -Drepository.root="$root" -Dlocal-run.classpath="$root/deploy/target/local-run.classpath" \
  -De2e.work.dir="$root/deploy/target/soak/system" \
  -cp "target/test-classes:$(cat target/local-run.classpath)" com.commerceinsight.deploy.e2e.SoakBenchmark
# Debian's interpreter, which python3-matplotlib installs into (a python3 earlier on the PATH may lack it).
python=python3
[ -x /usr/bin/python3 ] && python=/usr/bin/python3
"$python" "$root/deploy/bench/soak_memory.py" "$out/memory.csv" "$out/memory.png"
