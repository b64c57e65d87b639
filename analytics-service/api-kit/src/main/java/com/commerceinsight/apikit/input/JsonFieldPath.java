package com.commerceinsight.apikit.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Where in a request body Jackson failed, as the client would write it ({@code lines[0].quantity}), and what was
 * wrong, without Jackson's Java class names.
 */
public final class JsonFieldPath {

    /** The name given to a failure that is not inside any field (a body of the wrong shape, broken JSON). */
    public static final String BODY = "body";

    private JsonFieldPath() {
    }

    public static String of(JsonProcessingException failure) {
        if (!(failure instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return BODY;
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? BODY : path.toString();
    }

    /** A message for the client: the expected JSON type for a mismatch, the parser's complaint for broken JSON. */
    public static String message(JsonProcessingException failure) {
        if (failure instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target != null && target.isEnum()) {
                return "must be one of " + java.util.Arrays.toString(target.getEnumConstants());
            }
            return "cannot be read as " + jsonTypeOf(target) + ": " + abbreviate(String.valueOf(format.getValue()));
        }
        if (failure instanceof MismatchedInputException mismatch) {
            if (mismatch.getPath().isEmpty()) {
                return "the body must be a JSON " + jsonTypeOf(mismatch.getTargetType());
            }
            return "must be a JSON " + jsonTypeOf(mismatch.getTargetType());
        }
        return "the body is not valid JSON: " + abbreviate(String.valueOf(failure.getOriginalMessage()));
    }

    static String jsonTypeOf(Class<?> type) {
        if (type == null) {
            return "value of another type";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
            return "number" + (type == Double.class || type == double.class || type == Float.class || type == float.class
                    || type == java.math.BigDecimal.class ? "" : " (an integer in range)");
        }
        if (CharSequence.class.isAssignableFrom(type) || type == Character.class || type == char.class) {
            return "string";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "string holding an ISO-8601 " + type.getSimpleName();
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        return "object";
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}
