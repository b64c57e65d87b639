#!/usr/bin/env bash
# Runs one Apache Kafka broker in KRaft mode (broker and controller in one process) on loopback, in the
# foreground, from the jars of deploy/target/local-run.classpath (built by `mvn package`). Formats its storage
# on first use, so a second start keeps the topics and their data.
#   kafka-broker.sh DATA_DIR PORT [ADVERTISED_PORT]    (the controller listens on PORT+1)
# ADVERTISED_PORT: the port clients are told to connect to, when they reach the broker through a proxy on loopback
# (the end-to-end drills' network faults); PORT by default.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
classpath_file="${LOCAL_RUN_CLASSPATH:-$here/../target/local-run.classpath}"
[ -f "$classpath_file" ] || { echo "missing $classpath_file: run mvn -DskipTests package first" >&2; exit 1; }
dir=$1
port=$2
controller_port=$((port + 1))
advertised_port=${3:-$port}
mkdir -p "$dir"
cat > "$dir/server.properties" <<EOP
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$advertised_port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/data
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
EOP
classpath=$(cat "$classpath_file")
if [ ! -f "$dir/data/meta.properties" ]; then
  java -cp "$classpath" kafka.tools.StorageTool format -t "$(java -cp "$classpath" kafka.tools.StorageTool random-uuid)" \
    -c "$dir/server.properties" > "$dir/format.log" 2>&1
fi
# The parallel collector, as for every process of the local run (see start.sh).
exec java -XX:+UseParallelGC -Xms128m -Xmx512m -cp "$classpath" kafka.Kafka "$dir/server.properties"
