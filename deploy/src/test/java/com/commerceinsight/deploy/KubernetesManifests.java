package com.commerceinsight.deploy;

import com.commerceinsight.deploy.kustomize.KustomizeRenderer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The objects one overlay of deploy/kubernetes renders to, as kubectl apply -k would send them to the cluster. */
final class KubernetesManifests {

    static final String FOLDER = "kubernetes";
    private static final Map<String, KubernetesManifests> RENDERED = new ConcurrentHashMap<>();

    private final String overlay;
    private final List<JsonNode> objects;

    private KubernetesManifests(String overlay, List<JsonNode> objects) {
        this.overlay = overlay;
        this.objects = objects;
    }

    /** The names of the overlays (deploy/kubernetes/overlays/*). */
    static List<String> overlays() {
        try (Stream<Path> folders = Files.list(DeployFolder.resolve(FOLDER).resolve("overlays"))) {
            return folders.filter(Files::isDirectory).map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every overlay, rendered: the argument source of {@link EachOverlay} checks. */
    static Stream<KubernetesManifests> rendered() {
        return overlays().stream().map(KubernetesManifests::overlay);
    }

    static KubernetesManifests overlay(String name) {
        return RENDERED.computeIfAbsent(name, n -> new KubernetesManifests(n,
                List.copyOf(KustomizeRenderer.render(DeployFolder.resolve(FOLDER).resolve("overlays").resolve(n)))));
    }

    /** The production overlay. */
    static KubernetesManifests load() {
        return overlay("prod");
    }

    String overlayName() {
        return overlay;
    }

    @Override
    public String toString() {
        return "overlay " + overlay;
    }

    List<JsonNode> all() {
        return objects;
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    Optional<JsonNode> named(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(name(o))).findFirst();
    }

    /** Every pod template: of the Deployments and of the CronJobs' and Jobs' job templates. */
    List<PodTemplate> podTemplates() {
        List<PodTemplate> templates = new ArrayList<>();
        ofKind("Deployment").forEach(d -> templates.add(new PodTemplate(d, d.path("spec").path("template"))));
        ofKind("CronJob").forEach(c -> templates.add(
                new PodTemplate(c, c.path("spec").path("jobTemplate").path("spec").path("template"))));
        ofKind("Job").forEach(j -> templates.add(new PodTemplate(j, j.path("spec").path("template"))));
        return templates;
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    /** A pod template and the workload that owns it. */
    record PodTemplate(JsonNode owner, JsonNode template) {

        String where() {
            return owner.path("kind").asText() + " " + name(owner);
        }

        JsonNode spec() {
            return template.path("spec");
        }

        JsonNode labels() {
            return template.path("metadata").path("labels");
        }

        JsonNode containers() {
            return spec().path("containers");
        }

        boolean serving() {
            return owner.path("kind").asText().equals("Deployment");
        }
    }
}
