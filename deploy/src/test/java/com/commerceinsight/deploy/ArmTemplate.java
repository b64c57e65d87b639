package com.commerceinsight.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An ARM template with a set of parameter values, its expressions evaluated as far as they can be offline (see
 * {@link ArmFunctions}). Resource copy loops are expanded, resources whose condition is false left out, and each
 * evaluated resource gets its short-form "id". Property copy loops are left as written.
 */
final class ArmTemplate {

    static final TextNode AT_DEPLOYMENT = TextNode.valueOf("<known at deployment>");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode template;
    private final JsonNode parameterValues;
    private final ArmFunctions functions = new ArmFunctions(this);
    private int copyIndex;

    private ArmTemplate(JsonNode template, JsonNode parameterValues) {
        this.template = template;
        this.parameterValues = parameterValues;
    }

    /** The template with the values of a parameters file's "parameters" object ({ name: { value } }). */
    static ArmTemplate of(JsonNode template, JsonNode parameterValues) {
        return new ArmTemplate(template, parameterValues);
    }

    static JsonNode read(String relative) {
        try {
            return JSON.readTree(DeployFolder.resolve(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + relative, e);
        }
    }

    /** The short form of a resource id: the provider, then each type segment followed by its name. */
    static String resourceId(String type, List<String> names) {
        String[] segments = type.split("/");
        StringBuilder id = new StringBuilder(segments[0]);
        for (int i = 1; i < segments.length; i++) {
            id.append('/').append(segments[i]);
            if (i - 1 < names.size()) {
                id.append('/').append(names.get(i - 1));
            }
        }
        return id.toString();
    }

    /** Every resource deployed with these parameters, evaluated. */
    List<JsonNode> resources() {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode resource : template.path("resources")) {
            copyIndex = 0;
            int count = resource.has("copy") ? evaluate(resource.path("copy").path("count")).asInt() : 1;
            for (copyIndex = 0; copyIndex < count; copyIndex++) {
                if (!resource.has("condition") || evaluate(resource.path("condition")).asBoolean(true)) {
                    ObjectNode evaluated = (ObjectNode) evaluate(resource);
                    String[] names = evaluated.path("name").asText().split("/");
                    evaluated.put("id", resourceId(evaluated.path("type").asText(), List.of(names)));
                    evaluated.put("shortName", names[names.length - 1]);
                    found.add(evaluated);
                }
            }
        }
        return found;
    }

    JsonNode parameterDefinition(String name) {
        return template.path("parameters").path(name);
    }

    JsonNode evaluate(JsonNode node) {
        if (node.isTextual()) {
            String text = node.asText();
            if (text.startsWith("[") && text.endsWith("]") && !text.startsWith("[[")) {
                return ArmExpression.evaluate(text.substring(1, text.length() - 1), functions::call);
            }
            return node;
        }
        if (node.isArray()) {
            var array = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> array.add(evaluate(item)));
            return array;
        }
        if (node.isObject()) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                object.set(field.getKey(), evaluate(field.getValue()));
            }
            return object;
        }
        return node;
    }

    JsonNode parameter(String name) {
        JsonNode given = parameterValues.path(name).path("value");
        if (!given.isMissingNode()) {
            return given;
        }
        JsonNode defaultValue = parameterDefinition(name).path("defaultValue");
        return defaultValue.isMissingNode() ? AT_DEPLOYMENT : evaluate(defaultValue);
    }

    JsonNode variable(String name) {
        return evaluate(template.path("variables").path(name));
    }

    int copyIndex() {
        return copyIndex;
    }
}
