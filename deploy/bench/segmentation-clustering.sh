#!/usr/bin/env bash
# Clustering time of a segmentation training run (all k of 2..10) on synthetic customers, 100k and 1M by default.
# Build first: mvn -B -DskipTests -pl segmentation-service -am package (compiles the benchmark with the test classes).
#   deploy/bench/segmentation-clustering.sh [CUSTOMERS...]    e.g. 100000 1000000
#   FIT_SAMPLE=100000 deploy/bench/segmentation-clustering.sh 100000   (fit the centroids on all 100k customers)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
module="$root/segmentation-service/target"
[ -d "$module/test-classes" ] && [ -d "$module/quarkus-app/lib/main" ] || {
  echo "build first: mvn -B -DskipTests -pl segmentation-service -am package" >&2; exit 1; }
exec java -Xmx2g -Dfit.sample="${FIT_SAMPLE:-50000}" -Dsilhouette.sample="${SILHOUETTE_SAMPLE:-3000}" \
  -cp "$module/classes:$module/test-classes:$module/quarkus-app/lib/main/*" \
  com.commerceinsight.segmentation.bench.ClusteringBenchmark "$@"
