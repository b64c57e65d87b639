package com.commerceinsight.deploy.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** Kustomize's images transformer: a container image named as an entry of {@code images:} gets its new name and tag. */
final class ImageTags {

    private static final Set<String> CONTAINER_LISTS = Set.of("containers", "initContainers");

    private ImageTags() {
    }

    static void apply(JsonNode node, JsonNode image) {
        if (node.isArray()) {
            node.forEach(item -> apply(item, image));
            return;
        }
        node.fields().forEachRemaining(field -> {
            if (CONTAINER_LISTS.contains(field.getKey()) && field.getValue().isArray()) {
                for (JsonNode container : field.getValue()) {
                    retag((ObjectNode) container, image);
                }
            } else if (field.getValue().isContainerNode()) {
                apply(field.getValue(), image);
            }
        });
    }

    private static void retag(ObjectNode container, JsonNode image) {
        String current = container.path("image").asText();
        if (!repository(current).equals(image.path("name").asText())) {
            return;
        }
        String name = image.hasNonNull("newName") ? image.path("newName").asText() : repository(current);
        String suffix = image.hasNonNull("digest") ? "@" + image.path("digest").asText()
                : image.hasNonNull("newTag") ? ":" + image.path("newTag").asText()
                : current.substring(repository(current).length());
        container.put("image", name + suffix);
    }

    /** The image reference without its tag or digest (a colon after the last slash starts the tag). */
    private static String repository(String image) {
        int at = image.indexOf('@');
        String withoutDigest = at < 0 ? image : image.substring(0, at);
        int colon = withoutDigest.lastIndexOf(':');
        return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(0, colon) : withoutDigest;
    }
}
