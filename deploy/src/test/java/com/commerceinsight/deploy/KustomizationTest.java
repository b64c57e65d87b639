package com.commerceinsight.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** kubectl apply -k applies every manifest in the folder, and every image gets its registry and tag. */
class KustomizationTest {

    @Test
    void listsEveryManifestFileAndNothingElse() {
        List<String> files = KubernetesManifests.yamlFiles().stream()
                .map(f -> f.getFileName().toString())
                .filter(f -> !f.equals("kustomization.yaml"))
                .toList();
        List<String> listed = new ArrayList<>();
        KubernetesManifests.kustomization().path("resources").forEach(r -> listed.add(r.asText()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void placesEverythingInTheDeclaredNamespace() {
        JsonNode kustomization = KubernetesManifests.kustomization();
        KubernetesManifests manifests = KubernetesManifests.load();
        assertThat(manifests.ofKind("Namespace")).extracting(KubernetesManifests::name)
                .containsExactly(kustomization.path("namespace").asText());
    }

    @Test
    void everyContainerImageIsPinnedByTheImagesList() {
        List<String> pinned = new ArrayList<>();
        for (JsonNode image : KubernetesManifests.kustomization().path("images")) {
            assertThat(image.path("newName").asText()).isNotBlank();
            assertThat(image.path("newTag").asText()).isNotBlank().isNotEqualTo("latest");
            pinned.add(image.path("name").asText());
        }
        for (JsonNode deployment : KubernetesManifests.load().ofKind("Deployment")) {
            for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
                assertThat(pinned).contains(container.path("image").asText());
            }
        }
    }

    @Test
    void theFolderHoldsOnlyYaml() {
        Path folder = DeployFolder.resolve(KubernetesManifests.FOLDER);
        assertThat(folder.toFile().list()).allMatch(name -> name.endsWith(".yaml") || name.endsWith(".yml"));
    }
}
