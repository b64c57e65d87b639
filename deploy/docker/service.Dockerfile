# One image recipe for the four services. The build context is the repository root after
# `mvn -B -Ddb=mssql package` has produced <service>/target/quarkus-app (the Quarkus fast-jar), and the
# SERVICE build argument names the module, e.g.
#   az acr build --registry $ACR --image analytics-service:$TAG --build-arg SERVICE=analytics-service --file deploy/docker/service.Dockerfile .
# No HEALTHCHECK: Kubernetes probes /q/health/live, /q/health/ready and /q/health/started instead.
FROM eclipse-temurin:17-jre

ARG SERVICE
RUN test -n "${SERVICE}" || { echo "build with --build-arg SERVICE=<module>" >&2; exit 1; }

# A fixed non-root uid, so the Kubernetes securityContext (runAsNonRoot, runAsUser 10001) matches the image.
RUN groupadd --system --gid 10001 quarkus \
 && useradd --system --uid 10001 --gid 10001 --home-dir /deployments --shell /usr/sbin/nologin quarkus \
 && mkdir -p /deployments && chown 10001:10001 /deployments

# The fast-jar layout in four layers, dependencies first: they change least, so registry builds reuse them.
COPY --chown=10001:10001 ${SERVICE}/target/quarkus-app/lib/ /deployments/lib/
COPY --chown=10001:10001 ${SERVICE}/target/quarkus-app/*.jar /deployments/
COPY --chown=10001:10001 ${SERVICE}/target/quarkus-app/app/ /deployments/app/
COPY --chown=10001:10001 ${SERVICE}/target/quarkus-app/quarkus/ /deployments/quarkus/

WORKDIR /deployments
USER 10001:10001

# The heap follows the container's memory limit; the rest of the limit is left for metaspace, threads and
# direct buffers. A JVM that runs out of heap exits so Kubernetes restarts it instead of limping on.
# /tmp is the only writable path (an emptyDir in Kubernetes; the root filesystem is read-only).
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75.0 -XX:InitialRAMPercentage=25.0 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp -Djava.util.logging.manager=org.jboss.logmanager.LogManager"

ENTRYPOINT ["sh", "-c", "exec java ${JAVA_OPTS} -jar /deployments/quarkus-run.jar"]
