package com.commerceinsight.apikit.input;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/**
 * The field a Bean Validation violation is about, as the client wrote it: {@code rows[0]}, {@code lines[2].quantity},
 * or the query parameter's name; the Java method and the body parameter's own name are left out.
 */
public final class ConstraintViolationPath {

    private ConstraintViolationPath() {
    }

    public static String of(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getKind() != ElementKind.PROPERTY && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (node.isInIterable()) {
                path.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                path.append(path.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        if (!path.isEmpty()) {
            return path.toString();
        }
        return parameter == null ? violation.getPropertyPath().toString() : parameter;
    }
}
