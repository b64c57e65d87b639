package com.commerceinsight.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One PSRule for Azure rule as a row: the resources it applies to, the field it reads and what it expects there.
 * With a child type, each resource needs at least one sub-resource or extension resource of that type (a server's
 * auditing settings, a cluster's diagnostic setting) meeting the expectation, as PSRule's sub-resource rules do.
 */
record PsRule(String id, String type, String childType, String path, Expectation expected) {

    /** The type that stands for every top-level resource that can carry tags. */
    static final String TAGGABLE = "*";

    static PsRule of(String id, String type, String path, Expectation expected) {
        return new PsRule(id, type, null, path, expected);
    }

    static PsRule child(String id, String type, String childType, String path, Expectation expected) {
        return new PsRule(id, type, childType, path, expected);
    }

    /** What breaks the rule, one line per offending resource; empty when the estate passes. */
    List<String> violations(AzureEstate estate) {
        List<JsonNode> subjects = subjects(estate);
        if (subjects.isEmpty()) {
            return List.of("no " + type + " in the estate");
        }
        List<String> violations = new ArrayList<>();
        for (JsonNode subject : subjects) {
            String where = estate.templateOf(subject) + " " + subject.path("id").asText();
            if (childType == null) {
                List<JsonNode> values = JsonPath.values(subject, path);
                if (!expected.isMetBy(values)) {
                    violations.add(where + ": " + path + " is " + values + ", expected " + expected);
                }
            } else if (estate.childrenOf(subject, childType).stream()
                    .noneMatch(child -> expected.isMetBy(JsonPath.values(child, path)))) {
                violations.add(where + ": no " + childType + " with " + path + " " + expected);
            }
        }
        return violations;
    }

    /** The resources whose values this rule reads: the subjects themselves, or their children. */
    List<JsonNode> targets(AzureEstate estate) {
        if (childType == null) {
            return subjects(estate);
        }
        return subjects(estate).stream().flatMap(s -> estate.childrenOf(s, childType).stream()).toList();
    }

    List<JsonNode> subjects(AzureEstate estate) {
        if (!type.equals(TAGGABLE)) {
            return estate.resources(type);
        }
        return estate.all().stream().filter(PsRule::taggable).toList();
    }

    private static boolean taggable(JsonNode resource) {
        String type = resource.path("type").asText();
        return type.split("/").length == 2 && !type.equalsIgnoreCase(AzureEstate.DEPLOYMENTS)
                && !type.startsWith("Microsoft.Authorization/") && !type.equalsIgnoreCase("Microsoft.Insights/diagnosticSettings");
    }

    @Override
    public String toString() {
        return id;
    }
}
