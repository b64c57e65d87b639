package com.commerceinsight.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The images run the Quarkus fast-jar on a Java 17 runtime as the non-root user the pods expect. */
class DockerfileTest {

    @Test
    void runsAsTheNonRootUserThePodsDeclare() throws IOException {
        for (Path dockerfile : dockerfiles()) {
            List<String> users = instructions(dockerfile, "USER");
            assertThat(users).as(dockerfile + " USER").isNotEmpty();
            String uid = users.get(users.size() - 1).split(":")[0];
            assertThat(uid).as("numeric uid, so runAsNonRoot can verify it").matches("\\d+");
            assertThat(Integer.parseInt(uid)).isPositive();
            for (JsonNode deployment : KubernetesManifests.load().ofKind("Deployment")) {
                assertThat(deployment.path("spec").path("template").path("spec").path("securityContext")
                        .path("runAsUser").asInt()).isEqualTo(Integer.parseInt(uid));
            }
        }
    }

    @Test
    void startsFromAJava17RuntimeWithTheFastJar() throws IOException {
        for (Path dockerfile : dockerfiles()) {
            List<String> from = instructions(dockerfile, "FROM");
            assertThat(from).hasSize(1);
            assertThat(from.get(0)).matches(".*(openjdk-17|temurin:17).*");
            assertThat(instructions(dockerfile, "COPY")).anyMatch(copy -> copy.contains("target/quarkus-app/lib/"))
                    .anyMatch(copy -> copy.contains("target/quarkus-app/app/"))
                    .anyMatch(copy -> copy.contains("target/quarkus-app/quarkus/"));
            assertThat(String.join("\n", instructions(dockerfile, "ENTRYPOINT"))).contains("quarkus-run.jar");
        }
    }

    @Test
    void sizesTheHeapFromTheContainerLimitAndLeavesHealthToKubernetes() throws IOException {
        for (Path dockerfile : dockerfiles()) {
            assertThat(instructions(dockerfile, "ENV")).anyMatch(env -> env.startsWith("JAVA_OPTS=")
                    && env.contains("-XX:MaxRAMPercentage="));
            assertThat(instructions(dockerfile, "HEALTHCHECK")).isEmpty();
        }
    }

    private static List<Path> dockerfiles() throws IOException {
        try (Stream<Path> files = Files.list(DeployFolder.resolve("docker"))) {
            List<Path> found = files.filter(f -> f.getFileName().toString().contains("Dockerfile")).toList();
            assertThat(found).isNotEmpty();
            return found;
        }
    }

    /** Arguments of every instruction of the given kind, continuation lines joined. */
    private static List<String> instructions(Path dockerfile, String keyword) throws IOException {
        String withoutComments = Files.readString(dockerfile).lines()
                .filter(line -> !line.strip().startsWith("#"))
                .collect(Collectors.joining("\n", "", "\n"));
        return withoutComments.replaceAll("\\\\\\r?\\n", " ").lines()
                .map(String::strip)
                .filter(line -> line.regionMatches(true, 0, keyword + " ", 0, keyword.length() + 1))
                .map(line -> line.substring(keyword.length()).strip())
                .toList();
    }
}
