package com.commerceinsight.deploy;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Map;

/**
 * The secrets-store.csi.x-k8s.io/v1 SecretProviderClass as its CRD's schema defines it (spec: provider, parameters,
 * secretObjects), for the strict binding of {@link KubernetesObjectModel}; fabric8 has no model of this CRD.
 */
record SecretProviderClass(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    record Spec(String provider, Map<String, String> parameters, List<SecretObject> secretObjects) {
    }

    record SecretObject(String secretName, String type, List<Data> data, Map<String, String> labels,
            Map<String, String> annotations) {
    }

    record Data(String objectName, String key) {
    }
}
