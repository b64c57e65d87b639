package com.commerceinsight.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Everything one parameters file deploys: deploy/azure/main.json and, through its nested deployments (linked by
 * relative path, recursively), every module, each evaluated with the parameters its parent passes.
 */
final class AzureEstate {

    static final String MAIN = "azure/main.json";
    static final String DEPLOYMENTS = "Microsoft.Resources/deployments";

    /** One evaluated resource and the template (path under deploy/) that declares it. */
    record Deployed(String template, JsonNode resource) {
    }

    private final List<Deployed> deployed;

    private AzureEstate(List<Deployed> deployed) {
        this.deployed = deployed;
    }

    static AzureEstate load(String parametersFile) {
        return load(parametersFile, ArmTemplate::read);
    }

    /** As deployed from files (templates and parameters) read through the given function, so a test can hand in an altered copy. */
    static AzureEstate load(String parametersFile, Function<String, JsonNode> templates) {
        List<Deployed> deployed = new ArrayList<>();
        expand(MAIN, templates.apply(parametersFile).path("parameters"), templates, deployed);
        return new AzureEstate(List.copyOf(deployed));
    }

    private static void expand(String path, JsonNode parameterValues, Function<String, JsonNode> templates,
            List<Deployed> out) {
        for (JsonNode resource : ArmTemplate.of(templates.apply(path), parameterValues).resources()) {
            out.add(new Deployed(path, resource));
            if (resource.path("type").asText().equalsIgnoreCase(DEPLOYMENTS)) {
                expand(linkedTemplate(path, resource), resource.path("properties").path("parameters"), templates, out);
            }
        }
    }

    /** The path under deploy/ of the template a nested deployment links to, relative to its parent's folder. */
    static String linkedTemplate(String parent, JsonNode deployment) {
        String relative = deployment.path("properties").path("templateLink").path("relativePath").asText();
        return Path.of(parent).resolveSibling(relative).normalize().toString().replace('\\', '/');
    }

    /** The template (path under deploy/) that declares the resource, for messages that say where to look. */
    String templateOf(JsonNode resource) {
        return deployed.stream().filter(d -> d.resource() == resource).map(Deployed::template).findFirst().orElse("?");
    }

    List<JsonNode> all() {
        return deployed.stream().map(Deployed::resource).toList();
    }

    List<JsonNode> resources(String type) {
        return all().stream().filter(r -> r.path("type").asText().equalsIgnoreCase(type)).toList();
    }

    /** Sub-resources of the given type (named "parent/...") and extension resources scoped to the parent. */
    List<JsonNode> childrenOf(JsonNode parent, String childType) {
        String parentName = parent.path("name").asText() + "/";
        String parentId = parent.path("id").asText();
        return resources(childType).stream()
                .filter(child -> child.path("name").asText().startsWith(parentName)
                        && childType.toLowerCase().startsWith(parent.path("type").asText().toLowerCase() + "/")
                        || child.path("scope").asText().equalsIgnoreCase(parentId))
                .toList();
    }

    /** This estate with one resource swapped for another (an in-memory break of one setting). */
    AzureEstate replacing(JsonNode original, JsonNode replacement) {
        return new AzureEstate(deployed.stream()
                .map(d -> d.resource() == original ? new Deployed(d.template(), replacement) : d)
                .toList());
    }
}
