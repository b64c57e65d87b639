package com.commerceinsight.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The image runs the Quarkus fast-jar on Debian's Java 17 runtime as the non-root user the pods expect, and passes
 * container arguments to the application. Whether it really starts is ContainerImageIT's question.
 */
class DockerfileTest {

    private final Dockerfile image = Dockerfile.serviceImage();

    @Test
    void runsAsTheNonRootUserThePodsDeclare() {
        List<String> users = image.instructions("USER");
        assertThat(users).isNotEmpty();
        assertThat(users.get(users.size() - 1)).as("numeric uid, so runAsNonRoot can verify it").matches("\\d+(:\\d+)?");
        assertThat(image.uid()).isPositive();
        for (JsonNode deployment : KubernetesManifests.load().ofKind("Deployment")) {
            JsonNode podSecurity = deployment.path("spec").path("template").path("spec").path("securityContext");
            assertThat(podSecurity.path("runAsUser").asInt()).isEqualTo(image.uid());
            assertThat(podSecurity.path("runAsGroup").asInt()).isEqualTo(image.gid());
        }
    }

    @Test
    void installsDebiansJava17RuntimeAndOpenMpOnBookwormSlim() {
        assertThat(image.instructions("FROM")).containsExactly("debian:bookworm-slim");
        String install = String.join("\n", image.baseRunCommands());
        assertThat(install).contains("apt-get install -y --no-install-recommends")
                .contains("openjdk-17-jre-headless")
                .as("XGBoost's native library links against OpenMP").contains("libgomp1")
                .as("no package lists left in the image").contains("rm -rf /var/lib/apt/lists/*");
    }

    @Test
    void sharesTheRuntimeLayersBetweenTheFourServices() {
        assertThat(image.baseRunCommands()).isNotEmpty().noneMatch(run -> run.contains("SERVICE"));
        assertThat(image.instructions("ARG")).containsExactly("SERVICE");
    }

    @Test
    void copiesTheFastJarLayersIntoDeployments() {
        assertThat(image.copies()).extracting(Dockerfile.Copy::sources).containsExactly(
                List.of("${SERVICE}/target/quarkus-app/lib/"),
                List.of("${SERVICE}/target/quarkus-app/*.jar"),
                List.of("${SERVICE}/target/quarkus-app/app/"),
                List.of("${SERVICE}/target/quarkus-app/quarkus/"));
        assertThat(image.copies()).allMatch(copy -> copy.destination().startsWith("/deployments/"));
        assertThat(image.workdir()).isEqualTo("/deployments");
    }

    @Test
    void startsJavaDirectlySoContainerArgumentsReachTheCommandLine() {
        List<String> entrypoint = image.entrypoint();
        assertThat(entrypoint.get(0)).as("no shell in between").isEqualTo("java");
        assertThat(entrypoint.subList(entrypoint.size() - 2, entrypoint.size()))
                .containsExactly("-jar", "/deployments/quarkus-run.jar");
        assertThat(image.instructions("CMD")).as("no default arguments: without any it is the web service").isEmpty();
    }

    @Test
    void sizesTheHeapFromTheContainerLimitAndKeepsEveryWriteUnderTmp() {
        Map<String, String> env = image.environment();
        assertThat(env).doesNotContainKey("JAVA_OPTS");
        String jvmOptions = env.get("JDK_JAVA_OPTIONS");
        assertThat(jvmOptions).contains("-XX:MaxRAMPercentage=").contains("-XX:+ExitOnOutOfMemoryError")
                .contains("-Djava.io.tmpdir=/tmp");
        assertThat(env.get("DJL_CACHE_DIR")).startsWith("/tmp/");
        assertThat(image.instructions("HEALTHCHECK")).isEmpty();
    }
}
