package com.commerceinsight.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An ARM template read with an example parameters file, with its expressions evaluated as far as they can be
 * offline: parameters(), variables(), format(), length(), the integer functions and property and index access.
 * resourceId() gives "type/name/...". Anything only Azure knows (reference(), resourceGroup(), ...) evaluates
 * to {@link #AT_DEPLOYMENT}. Copy loops of resources are expanded; property copy loops are left as written.
 */
final class ArmTemplate {

    static final TextNode AT_DEPLOYMENT = TextNode.valueOf("<known at deployment>");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode template;
    private final JsonNode parameterValues;
    private int copyIndex;

    private ArmTemplate(JsonNode template, JsonNode parameterValues) {
        this.template = template;
        this.parameterValues = parameterValues;
    }

    static ArmTemplate load(String template, String exampleParameters) {
        return new ArmTemplate(read(template), read(exampleParameters).path("parameters"));
    }

    static JsonNode read(String relative) {
        try {
            return JSON.readTree(DeployFolder.resolve(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode raw() {
        return template;
    }

    /** Resources of the given type, every expression in them evaluated, copy loops expanded. */
    List<JsonNode> resources(String type) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode resource : template.path("resources")) {
            if (resource.path("type").asText().equalsIgnoreCase(type)) {
                copyIndex = 0;
                int count = resource.has("copy") ? evaluate(resource.path("copy").path("count")).asInt() : 1;
                for (copyIndex = 0; copyIndex < count; copyIndex++) {
                    found.add(evaluate(resource));
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
                return new Parser(text.substring(1, text.length() - 1)).expressionToEnd();
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

    private JsonNode parameter(String name) {
        JsonNode given = parameterValues.path(name).path("value");
        if (!given.isMissingNode()) {
            return given;
        }
        JsonNode defaultValue = parameterDefinition(name).path("defaultValue");
        return defaultValue.isMissingNode() ? AT_DEPLOYMENT : evaluate(defaultValue);
    }

    private JsonNode call(String function, List<JsonNode> args) {
        switch (function.toLowerCase()) {
            case "parameters":
                return parameter(args.get(0).asText());
            case "variables":
                return evaluate(template.path("variables").path(args.get(0).asText()));
            case "copyindex":
                return IntNode.valueOf(copyIndex);
            case "resourceid":
                return TextNode.valueOf(String.join("/", args.stream().map(JsonNode::asText).toList()));
            case "length":
                return IntNode.valueOf(args.get(0).isTextual() ? args.get(0).asText().length() : args.get(0).size());
            case "mul":
                return IntNode.valueOf(args.get(0).asInt() * args.get(1).asInt());
            case "div":
                return IntNode.valueOf(args.get(0).asInt() / args.get(1).asInt());
            case "mod":
                return IntNode.valueOf(args.get(0).asInt() % args.get(1).asInt());
            case "format": {
                String text = args.get(0).asText();
                for (int i = 1; i < args.size(); i++) {
                    text = text.replace("{" + (i - 1) + "}", args.get(i).asText());
                }
                return TextNode.valueOf(text);
            }
            default:
                return AT_DEPLOYMENT;
        }
    }

    /** Recursive descent over one expression: call(args)(.property | [index])* , 'string' or integer. */
    private final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        JsonNode expressionToEnd() {
            JsonNode value = expression();
            skipSpaces();
            if (at != text.length()) {
                throw new IllegalArgumentException("unparsed rest of [" + text + "] at " + at);
            }
            return value;
        }

        private JsonNode expression() {
            skipSpaces();
            JsonNode value;
            char c = text.charAt(at);
            if (c == '\'') {
                value = string();
            } else if (Character.isDigit(c) || c == '-') {
                int start = at++;
                while (at < text.length() && Character.isDigit(text.charAt(at))) {
                    at++;
                }
                value = IntNode.valueOf(Integer.parseInt(text.substring(start, at)));
            } else {
                String name = identifier();
                expect('(');
                List<JsonNode> args = new ArrayList<>();
                skipSpaces();
                if (text.charAt(at) != ')') {
                    args.add(expression());
                    skipSpaces();
                    while (text.charAt(at) == ',') {
                        at++;
                        args.add(expression());
                        skipSpaces();
                    }
                }
                expect(')');
                value = call(name, args);
            }
            return accessors(value);
        }

        private JsonNode accessors(JsonNode value) {
            while (at < text.length() && (text.charAt(at) == '.' || text.charAt(at) == '[')) {
                if (text.charAt(at) == '.') {
                    at++;
                    String property = identifier();
                    value = value.isObject() ? value.path(property) : AT_DEPLOYMENT;
                } else {
                    at++;
                    JsonNode index = expression();
                    skipSpaces();
                    expect(']');
                    value = value.isArray() ? value.path(index.asInt())
                            : value.isObject() ? value.path(index.asText()) : AT_DEPLOYMENT;
                }
            }
            return value;
        }

        private JsonNode string() {
            StringBuilder out = new StringBuilder();
            at++;
            while (true) {
                char c = text.charAt(at++);
                if (c == '\'') {
                    if (at < text.length() && text.charAt(at) == '\'') {
                        out.append('\'');
                        at++;
                    } else {
                        return TextNode.valueOf(out.toString());
                    }
                } else {
                    out.append(c);
                }
            }
        }

        private String identifier() {
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
            if (start == at) {
                throw new IllegalArgumentException("identifier expected in [" + text + "] at " + at);
            }
            return text.substring(start, at);
        }

        private void expect(char c) {
            skipSpaces();
            if (at >= text.length() || text.charAt(at) != c) {
                throw new IllegalArgumentException("'" + c + "' expected in [" + text + "] at " + at);
            }
            at++;
        }

        private void skipSpaces() {
            while (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
        }
    }
}
