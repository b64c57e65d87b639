# One image recipe for the four services. The build context is the repository root after
# `mvn -B -Ddb=mssql package` has produced <service>/target/quarkus-app (the Quarkus fast-jar), and the
# SERVICE build argument names the module, e.g.
#   az acr build --registry $ACR --image analytics-service:$TAG --build-arg SERVICE=analytics-service --file deploy/docker/service.Dockerfile .
# No HEALTHCHECK: Kubernetes probes /q/health/live, /q/health/ready and /q/health/started instead.
# ContainerImageIT (deploy/src/test/java/.../e2e) builds the root filesystem of everything above `ARG SERVICE` from
# the same Debian packages, without a Docker engine, and runs each service in it as the pods run it.
FROM debian:bookworm-slim

# Debian's Java 17 runtime, and libgomp: XGBoost's native library (prediction-service) links against OpenMP.
# The slim image drops /usr/share/man, where the JRE's postinst registers its alternatives' man pages.
RUN mkdir -p /usr/share/man/man1 \
 && apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jre-headless libgomp1 \
 && apt-get clean \
 && rm -rf /var/lib/apt/lists/*

# A fixed non-root uid, so the Kubernetes securityContext (runAsNonRoot, runAsUser 10001) matches the image.
RUN groupadd --gid 10001 quarkus \
 && useradd --uid 10001 --gid 10001 --no-create-home --home-dir /deployments --shell /usr/sbin/nologin quarkus \
 && mkdir -p /deployments

# Declared after the service-independent layers, so the four images share them.
ARG SERVICE
RUN test -n "${SERVICE}" || { echo "build with --build-arg SERVICE=<module>" >&2; exit 1; }

# The fast-jar layout in four layers, dependencies first: they change least, so registry builds reuse them.
# Owned by root and read-only to the service: the running process can change nothing of its own code.
COPY ${SERVICE}/target/quarkus-app/lib/ /deployments/lib/
COPY ${SERVICE}/target/quarkus-app/*.jar /deployments/
COPY ${SERVICE}/target/quarkus-app/app/ /deployments/app/
COPY ${SERVICE}/target/quarkus-app/quarkus/ /deployments/quarkus/

WORKDIR /deployments
USER 10001:10001

# /tmp is the only writable path (an emptyDir in Kubernetes; the root filesystem is read-only), so every native
# library is extracted there: xgboost4j and the Kafka client's compression codecs use java.io.tmpdir, DJL its
# cache directory (it would fall back to java.io.tmpdir as well, the home directory not being writable).
# JDK_JAVA_OPTIONS is read by the java launcher alone, so the exec-form ENTRYPOINT hands container arguments
# (`import online-retail /imports/retail.csv.gz`) straight to the application; a pod may replace the whole set.
# The heap follows the container's memory limit; the rest of the limit is left for metaspace, threads, direct
# buffers and native boosters. A JVM that runs out of heap exits so Kubernetes restarts it instead of limping on.
ENV DJL_CACHE_DIR=/tmp/djl \
    JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=75.0 -XX:InitialRAMPercentage=25.0 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp -Djava.util.logging.manager=org.jboss.logmanager.LogManager"

ENTRYPOINT ["java", "-jar", "/deployments/quarkus-run.jar"]
