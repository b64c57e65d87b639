package com.commerceinsight.deploy;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.io.IOException;
import java.util.Map;

/**
 * Binds a manifest object to the real Kubernetes object model (fabric8, the model the Kubernetes client Quarkus uses
 * is built on; Gateway API included), strictly: a field the type does not have, a value of the wrong type or a kind
 * the model does not know is an error. The fabric8 types keep unknown fields in an "additionalProperties" map, so the
 * mapper removes that catch-all; Jackson's coercions (a quoted number for an int, a number for a string) are off.
 * SecretProviderClass (a CRD of the Secrets Store CSI driver) is not in fabric8 and binds to {@link SecretProviderClass}.
 */
final class KubernetesObjectModel {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addModule(new SimpleModule().setDeserializerModifier(new WithoutCatchAll()))
            .build();

    private static final Map<String, Class<?>> CUSTOM_KINDS = Map.of(
            "secrets-store.csi.x-k8s.io/v1/SecretProviderClass", SecretProviderClass.class);

    private KubernetesObjectModel() {
    }

    /** The typed object; throws IllegalArgumentException naming the object when it does not fit the model. */
    static Object bind(JsonNode object) {
        String id = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        String where = id + " " + object.path("metadata").path("name").asText();
        try {
            Class<?> type = CUSTOM_KINDS.getOrDefault(id, KubernetesResource.class);
            Object bound = STRICT.treeToValue(object, type);
            if (bound instanceof GenericKubernetesResource) {
                throw new IllegalArgumentException(where + ": a kind the Kubernetes model does not know");
            }
            return bound;
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    /** Drops the any-setter of the fabric8 types, so an unknown field fails instead of landing in additionalProperties. */
    private static final class WithoutCatchAll extends BeanDeserializerModifier {
        @Override
        public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                BeanDeserializerBuilder builder) {
            if (description.getBeanClass().getName().startsWith("io.fabric8.")) {
                builder.setAnySetter(null);
                builder.setIgnoreUnknownProperties(false);
            }
            return builder;
        }
    }
}
