package com.commerceinsight.deploy.kustomize;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Renders a kustomization as {@code kubectl kustomize} does, for the subset deploy/kubernetes uses: resources (files
 * and kustomization folders), namespace, images, and patches from files (strategic merge, or JSON 6902 with a target).
 * No kustomize runs in CI (Debian's kubectl predates Kustomize v5), so the checks render with this; a field outside the
 * subset fails the render instead of being ignored, and {@code OverlayRenderTest} compares the result with the real
 * kustomize wherever one is installed.
 */
public final class KustomizeRenderer {

    /** A key twice in one mapping is an error, as it is for kubectl, not a silent "last one wins". */
    private static final YAMLMapper YAML = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "namespace", "resources", "images", "patches");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "GatewayClass", "ClusterRole",
            "ClusterRoleBinding", "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass");

    private KustomizeRenderer() {
    }

    /** The objects the kustomization in this folder produces. */
    public static List<ObjectNode> render(Path folder) {
        JsonNode kustomization = documents(folder.resolve("kustomization.yaml")).get(0);
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED.contains(field)) {
                throw new IllegalArgumentException(folder + ": kustomization field '" + field + "' is not rendered here");
            }
        });
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = folder.resolve(resource.asText()).normalize();
            if (Files.isDirectory(path)) {
                objects.addAll(render(path));
            } else {
                documents(path).forEach(doc -> objects.add((ObjectNode) doc));
            }
        }
        for (JsonNode patch : kustomization.path("patches")) {
            applyPatch(folder, patch, objects);
        }
        if (kustomization.hasNonNull("namespace")) {
            String namespace = kustomization.path("namespace").asText();
            objects.stream().filter(o -> !CLUSTER_SCOPED.contains(o.path("kind").asText()))
                    .forEach(o -> ((ObjectNode) o.with("metadata")).put("namespace", namespace));
        }
        for (JsonNode image : kustomization.path("images")) {
            objects.forEach(o -> ImageTags.apply(o, image));
        }
        return objects;
    }

    private static void applyPatch(Path folder, JsonNode entry, List<ObjectNode> objects) {
        entry.fieldNames().forEachRemaining(field -> {
            if (!field.equals("path") && !field.equals("target")) {
                throw new IllegalArgumentException(folder + ": patch field '" + field + "' is not rendered here");
            }
        });
        Path file = folder.resolve(entry.path("path").asText());
        if (entry.has("target")) {
            JsonNode target = entry.path("target");
            List<ObjectNode> matches = objects.stream().filter(o -> matches(o, target)).toList();
            if (matches.isEmpty()) {
                throw new IllegalArgumentException(folder + ": no object matches the patch target " + target);
            }
            JsonNode operations = operations(file);
            matches.forEach(o -> JsonPatch.apply(o, (ArrayNode) operations));
            return;
        }
        for (JsonNode doc : documents(file)) {
            ObjectNode target = objects.stream()
                    .filter(o -> o.path("kind").equals(doc.path("kind"))
                            && o.path("metadata").path("name").equals(doc.path("metadata").path("name")))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(folder + ": no " + doc.path("kind").asText() + " "
                            + doc.path("metadata").path("name").asText() + " to patch"));
            StrategicMerge.apply(target, (ObjectNode) doc);
        }
    }

    private static boolean matches(JsonNode object, JsonNode target) {
        String apiVersion = object.path("apiVersion").asText();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        return matchesField(target, "group", group) && matchesField(target, "version", version)
                && matchesField(target, "kind", object.path("kind").asText())
                && matchesField(target, "name", object.path("metadata").path("name").asText());
    }

    private static boolean matchesField(JsonNode target, String field, String value) {
        return !target.has(field) || target.path(field).asText().equals(value);
    }

    /** A JSON 6902 patch file: one YAML document, a list of operations. */
    private static JsonNode operations(Path file) {
        try {
            JsonNode operations = YAML.readTree(file.toFile());
            if (!operations.isArray()) {
                throw new IllegalArgumentException(file + ": a patch with a target must be a list of JSON 6902 operations");
            }
            return operations;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    /** The non-empty YAML documents of a file, in order. */
    public static List<JsonNode> documents(Path file) {
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            List<JsonNode> found = new ArrayList<>();
            for (Iterator<JsonNode> it = docs; it.hasNext(); ) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode() && !doc.isEmpty()) {
                    found.add(doc);
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }
}
