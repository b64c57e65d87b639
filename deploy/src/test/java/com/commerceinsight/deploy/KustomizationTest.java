package com.commerceinsight.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.commerceinsight.deploy.kustomize.KustomizeRenderer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The base holds every common manifest, each overlay builds on it, and every image comes pinned from the registry. */
class KustomizationTest {

    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace");

    @Test
    void theBaseListsEveryManifestFileInItsFolder() throws IOException {
        Path base = DeployFolder.resolve(KubernetesManifests.FOLDER).resolve("base");
        List<String> listed = new ArrayList<>();
        KustomizeRenderer.documents(base.resolve("kustomization.yaml")).get(0).path("resources")
                .forEach(r -> listed.add(r.asText()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(yamlFilesIn(base));
    }

    @Test
    void everyOverlayBuildsOnTheBaseAndUsesEveryFileItHolds() throws IOException {
        assertThat(KubernetesManifests.overlays()).contains("dev", "prod");
        for (String overlay : KubernetesManifests.overlays()) {
            Path folder = DeployFolder.resolve(KubernetesManifests.FOLDER).resolve("overlays").resolve(overlay);
            JsonNode kustomization = KustomizeRenderer.documents(folder.resolve("kustomization.yaml")).get(0);
            assertThat(kustomization.path("resources")).extracting(JsonNode::asText).as(overlay).containsExactly("../../base");
            List<String> patches = kustomization.path("patches").findValuesAsText("path");
            assertThat(patches).as(overlay + " patches").containsExactlyInAnyOrderElementsOf(yamlFilesIn(folder));
        }
    }

    @EachOverlay
    void everyContainerImageComesFromTheRegistryWithAPinnedTag(KubernetesManifests manifests) {
        for (KubernetesManifests.PodTemplate pod : manifests.podTemplates()) {
            for (JsonNode container : pod.containers()) {
                assertThat(container.path("image").asText()).as(pod.where())
                        .matches("[a-z0-9]+\\.azurecr\\.io/[a-z-]+:[A-Za-z0-9][A-Za-z0-9._-]*")
                        .doesNotEndWith(":latest");
            }
        }
    }

    @EachOverlay
    void everythingLandsInTheOneNamespace(KubernetesManifests manifests) {
        assertThat(manifests.ofKind("Namespace")).hasSize(1);
        String namespace = KubernetesManifests.name(manifests.ofKind("Namespace").get(0));
        for (JsonNode object : manifests.all()) {
            if (!CLUSTER_SCOPED.contains(object.path("kind").asText())) {
                assertThat(object.path("metadata").path("namespace").asText())
                        .as(object.path("kind").asText() + " " + KubernetesManifests.name(object)).isEqualTo(namespace);
            }
        }
    }

    @Test
    void theEnvironmentsShareNoHostNameDatabaseOrSubnet() {
        List<String> seen = new ArrayList<>();
        for (String overlay : KubernetesManifests.overlays()) {
            KubernetesManifests manifests = KubernetesManifests.overlay(overlay);
            JsonNode gateway = manifests.ofKind("Gateway").get(0);
            JsonNode config = manifests.named("ConfigMap", "commerce-insight-config").orElseThrow().path("data");
            JsonNode gatewaySubnet = manifests.named("NetworkPolicy", "allow-gateway").orElseThrow();
            for (String value : List.of(gateway.path("spec").path("listeners").get(0).path("hostname").asText(),
                    config.path("QUARKUS_DATASOURCE_JDBC_URL").asText(),
                    config.path("KAFKA_BOOTSTRAP_SERVERS").asText(),
                    gatewaySubnet.path("spec").path("ingress").findValue("cidr").asText())) {
                assertThat(seen).as(overlay + " reuses " + value).doesNotContain(value);
                seen.add(value);
            }
        }
    }

    @Test
    void theFolderHoldsOnlyYaml() throws IOException {
        try (Stream<Path> files = Files.walk(DeployFolder.resolve(KubernetesManifests.FOLDER))) {
            assertThat(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()))
                    .allMatch(name -> name.endsWith(".yaml"));
        }
    }

    private static List<String> yamlFilesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml")).toList();
        }
    }
}
