package com.commerceinsight.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.commerceinsight.deploy.kustomize.KustomizeRenderer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each overlay renders, every rendered object fits the Kubernetes object model, and the render is kustomize's. */
class OverlayRenderTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    @EachOverlay
    void everyObjectBindsToTheKubernetesObjectModel(KubernetesManifests manifests) {
        assertThat(manifests.all()).isNotEmpty();
        for (JsonNode object : manifests.all()) {
            Object bound = KubernetesObjectModel.bind(object);
            assertThat(bound.getClass().getSimpleName()).isEqualTo(object.path("kind").asText());
        }
    }

    @Test
    void aFieldTheModelDoesNotHaveFails() {
        assertThat(KubernetesObjectModel.bind(yaml(DEPLOYMENT.formatted("replicas: 2")))).isNotNull();
        assertThatThrownBy(() -> KubernetesObjectModel.bind(yaml(DEPLOYMENT.formatted("replica: 2"))))
                .hasMessageContaining("replica");
        assertThatThrownBy(() -> KubernetesObjectModel.bind(yaml("""
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: r}
                spec:
                  parentRefs: [{name: g}]
                  rules: [{backendRefs: [{name: s, port: 80, weigth: 1}]}]
                """))).hasMessageContaining("weigth");
        assertThatThrownBy(() -> KubernetesObjectModel.bind(yaml("""
                apiVersion: secrets-store.csi.x-k8s.io/v1
                kind: SecretProviderClass
                metadata: {name: c}
                spec: {provider: azure, parameter: {}}
                """))).hasMessageContaining("parameter");
    }

    @Test
    void aValueOfTheWrongTypeFails() {
        assertThatThrownBy(() -> KubernetesObjectModel.bind(yaml(DEPLOYMENT.formatted("replicas: two"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KubernetesObjectModel.bind(yaml(DEPLOYMENT.formatted("replicas: \"2\""))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KubernetesObjectModel.bind(yaml(DEPLOYMENT.formatted("paused: {value: true}"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKindTheModelDoesNotKnowFails() {
        assertThatThrownBy(() -> KubernetesObjectModel.bind(yaml("""
                apiVersion: apps/v1
                kind: Deployement
                metadata: {name: d}
                """))).hasMessageContaining("Deployement");
    }

    @Test
    void theRendererRefusesWhatItDoesNotRender(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("kustomization.yaml"), "resources: []\ncommonLabels: {team: a}\n");
        assertThatThrownBy(() -> KustomizeRenderer.render(folder)).hasMessageContaining("commonLabels");
    }

    @Test
    void aPatchOfAnObjectThatIsNotThereFails(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("kustomization.yaml"), "resources: [d.yaml]\npatches: [{path: p.yaml}]\n");
        Files.writeString(folder.resolve("d.yaml"), DEPLOYMENT.formatted("replicas: 2"));
        Files.writeString(folder.resolve("p.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: e}\nspec: {replicas: 3}\n");
        assertThatThrownBy(() -> KustomizeRenderer.render(folder)).hasMessageContaining("no Deployment e");
    }

    @Test
    void aKeyTwiceInOneMappingFails(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("kustomization.yaml"), "resources: [d.yaml]\n");
        Files.writeString(folder.resolve("d.yaml"), DEPLOYMENT.formatted("replicas: 2\n  replicas: 3"));
        assertThatThrownBy(() -> KustomizeRenderer.render(folder)).hasStackTraceContaining("Duplicate field 'replicas'");
    }

    /** Where a real kustomize is installed (kubectl 1.27 and later carry Kustomize v5), it must render the same objects. */
    @EachOverlay
    void rendersWhatKustomizeRenders(KubernetesManifests manifests) throws Exception {
        Path overlay = DeployFolder.resolve(KubernetesManifests.FOLDER).resolve("overlays").resolve(manifests.overlayName());
        String kustomized = kustomize(overlay);
        Assumptions.assumeTrue(kustomized != null, "no kubectl with Kustomize v5 on the PATH");
        Map<String, JsonNode> expected = byId(readAll(kustomized));
        Map<String, JsonNode> rendered = byId(manifests.all());
        assertThat(rendered.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((id, object) -> assertThat(rendered.get(id)).as(id).isEqualTo(object));
    }

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: d}
            spec:
              %s
              selector: {matchLabels: {app: d}}
              template:
                metadata: {labels: {app: d}}
                spec:
                  containers: [{name: c, image: i}]
            """;

    private static JsonNode yaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> readAll(String text) throws IOException {
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(text)) {
            return docs.readAll().stream().filter(d -> d != null && !d.isEmpty()).toList();
        }
    }

    private static Map<String, JsonNode> byId(List<JsonNode> objects) {
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode object : objects) {
            String id = object.path("apiVersion").asText() + "/" + object.path("kind").asText() + " "
                    + object.path("metadata").path("namespace").asText() + "/" + KubernetesManifests.name(object);
            assertThat(byId.put(id, object)).as("two objects " + id).isNull();
        }
        return byId;
    }

    /** kubectl kustomize's output, or null when no kubectl with Kustomize v5 or later runs here. */
    private static String kustomize(Path overlay) throws Exception {
        String version = run("kubectl", "version", "--client");
        Matcher kustomize = Pattern.compile("Kustomize Version: v(\\d+)\\.").matcher(version == null ? "" : version);
        if (!kustomize.find() || Integer.parseInt(kustomize.group(1)) < 5) {
            return null;
        }
        return run("kubectl", "kustomize", overlay.toString());
    }

    private static String run(String... command) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(false).start();
        } catch (IOException notInstalled) {
            return null;
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish");
        }
        if (process.exitValue() != 0) {
            if (command[1].equals("kustomize")) {
                throw new IllegalStateException("kubectl kustomize failed: " + err);
            }
            return null;
        }
        return out;
    }
}
