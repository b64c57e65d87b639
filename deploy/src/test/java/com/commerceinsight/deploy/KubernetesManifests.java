package com.commerceinsight.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Every object of every YAML file in deploy/kubernetes, multi-document files split into their objects. */
final class KubernetesManifests {

    static final String FOLDER = "kubernetes";
    private static final YAMLMapper YAML = new YAMLMapper();

    private final List<JsonNode> objects;

    private KubernetesManifests(List<JsonNode> objects) {
        this.objects = objects;
    }

    static KubernetesManifests load() {
        List<JsonNode> objects = new ArrayList<>();
        for (Path file : yamlFiles()) {
            if (!file.getFileName().toString().equals("kustomization.yaml")) {
                objects.addAll(documents(file));
            }
        }
        return new KubernetesManifests(objects);
    }

    static List<Path> yamlFiles() {
        try (Stream<Path> files = Files.list(DeployFolder.resolve(FOLDER))) {
            return files.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode kustomization() {
        return documents(DeployFolder.resolve(FOLDER).resolve("kustomization.yaml")).get(0);
    }

    static List<JsonNode> documents(Path file) {
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            return docs.readAll().stream().filter(doc -> doc != null && doc.isObject() && !doc.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    Optional<JsonNode> named(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(name(o))).findFirst();
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }
}
