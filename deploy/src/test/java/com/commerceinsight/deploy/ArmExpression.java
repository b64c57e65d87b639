package com.commerceinsight.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Recursive descent over one ARM template expression (the text between the brackets):
 * {@code call(args)(.property | [index])*}, a quoted string or an integer. Calls go to the given function library.
 */
final class ArmExpression {

    private final String text;
    private final BiFunction<String, List<JsonNode>, JsonNode> functions;
    private int at;

    private ArmExpression(String text, BiFunction<String, List<JsonNode>, JsonNode> functions) {
        this.text = text;
        this.functions = functions;
    }

    static JsonNode evaluate(String text, BiFunction<String, List<JsonNode>, JsonNode> functions) {
        ArmExpression expression = new ArmExpression(text, functions);
        JsonNode value = expression.expression();
        expression.skipSpaces();
        if (expression.at != text.length()) {
            throw new IllegalArgumentException("unparsed rest of [" + text + "] at " + expression.at);
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
            value = functions.apply(name, args);
        }
        return accessors(value);
    }

    private JsonNode accessors(JsonNode value) {
        while (at < text.length() && (text.charAt(at) == '.' || text.charAt(at) == '[')) {
            if (text.charAt(at) == '.') {
                at++;
                String property = identifier();
                value = value.isObject() ? value.path(property) : ArmTemplate.AT_DEPLOYMENT;
            } else {
                at++;
                JsonNode index = expression();
                skipSpaces();
                expect(']');
                value = value.isArray() ? value.path(index.asInt())
                        : value.isObject() ? value.path(index.asText()) : ArmTemplate.AT_DEPLOYMENT;
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
