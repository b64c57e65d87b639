package com.commerceinsight.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.UUID;

/**
 * The template functions the Azure templates use, as far as they can be computed offline. uniqueString() and guid()
 * give deterministic stand-ins of the real shape (13 lowercase characters, a UUID); resource ids are the short form
 * "Provider/type/name/subtype/name"; what only Azure knows (reference(), resourceGroup(), environment(), ...) is
 * {@link ArmTemplate#AT_DEPLOYMENT}.
 */
final class ArmFunctions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final ArmTemplate template;

    ArmFunctions(ArmTemplate template) {
        this.template = template;
    }

    JsonNode call(String function, List<JsonNode> args) {
        switch (function.toLowerCase()) {
            case "parameters":
                return template.parameter(args.get(0).asText());
            case "variables":
                return template.variable(args.get(0).asText());
            case "copyindex":
                return IntNode.valueOf(template.copyIndex());
            case "resourceid":
            case "subscriptionresourceid":
            case "tenantresourceid":
                return TextNode.valueOf(ArmTemplate.resourceId(args.get(0).asText(), texts(args.subList(1, args.size()))));
            case "extensionresourceid":
                return TextNode.valueOf(args.get(0).asText() + "/providers/"
                        + ArmTemplate.resourceId(args.get(1).asText(), texts(args.subList(2, args.size()))));
            case "length":
                return IntNode.valueOf(args.get(0).isTextual() ? args.get(0).asText().length() : args.get(0).size());
            case "add":
                return IntNode.valueOf(args.get(0).asInt() + args.get(1).asInt());
            case "mul":
                return IntNode.valueOf(args.get(0).asInt() * args.get(1).asInt());
            case "div":
                return IntNode.valueOf(args.get(0).asInt() / args.get(1).asInt());
            case "mod":
                return IntNode.valueOf(args.get(0).asInt() % args.get(1).asInt());
            case "format":
                return format(args);
            case "concat":
                return concat(args);
            case "replace":
                return TextNode.valueOf(args.get(0).asText().replace(args.get(1).asText(), args.get(2).asText()));
            case "tolower":
                return TextNode.valueOf(args.get(0).asText().toLowerCase());
            case "take":
                return take(args.get(0), args.get(1).asInt());
            case "if":
                return args.get(0).asBoolean() ? args.get(1) : args.get(2);
            case "equals":
                return BooleanNode.valueOf(args.get(0).equals(args.get(1)));
            case "not":
                return BooleanNode.valueOf(!args.get(0).asBoolean());
            case "and":
                return BooleanNode.valueOf(args.stream().allMatch(JsonNode::asBoolean));
            case "or":
                return BooleanNode.valueOf(args.stream().anyMatch(JsonNode::asBoolean));
            case "empty":
                return BooleanNode.valueOf(isEmpty(args.get(0)));
            case "true":
                return BooleanNode.TRUE;
            case "false":
                return BooleanNode.FALSE;
            case "null":
                return NullNode.getInstance();
            case "createobject":
                return createObject(args);
            case "uniquestring":
                return TextNode.valueOf(digest(args).substring(0, 13));
            case "guid":
                return TextNode.valueOf(UUID.nameUUIDFromBytes(String.join("|", texts(args)).getBytes(StandardCharsets.UTF_8))
                        .toString());
            default:
                return ArmTemplate.AT_DEPLOYMENT;
        }
    }

    private static JsonNode format(List<JsonNode> args) {
        String text = args.get(0).asText();
        for (int i = 1; i < args.size(); i++) {
            text = text.replace("{" + (i - 1) + "}", args.get(i).asText());
        }
        return TextNode.valueOf(text);
    }

    private static JsonNode concat(List<JsonNode> args) {
        if (!args.isEmpty() && args.get(0).isArray()) {
            ArrayNode joined = NODES.arrayNode();
            args.forEach(array -> joined.addAll((ArrayNode) array));
            return joined;
        }
        return TextNode.valueOf(String.join("", texts(args)));
    }

    private static JsonNode take(JsonNode value, int count) {
        if (value.isArray()) {
            ArrayNode first = NODES.arrayNode();
            for (int i = 0; i < Math.min(count, value.size()); i++) {
                first.add(value.get(i));
            }
            return first;
        }
        String text = value.asText();
        return TextNode.valueOf(text.substring(0, Math.min(count, text.length())));
    }

    private static JsonNode createObject(List<JsonNode> args) {
        ObjectNode object = NODES.objectNode();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            object.set(args.get(i).asText(), args.get(i + 1));
        }
        return object;
    }

    /** Lowercase base-36 digits of a SHA-256 of the arguments: the alphabet and length uniqueString() produces. */
    private static String digest(List<JsonNode> args) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("|", texts(args)).getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, hash).toString(36);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isEmpty(JsonNode value) {
        return value.isNull() || (value.isTextual() ? value.asText().isEmpty() : value.isContainerNode() && value.isEmpty());
    }

    private static List<String> texts(List<JsonNode> args) {
        return args.stream().map(JsonNode::asText).toList();
    }
}
