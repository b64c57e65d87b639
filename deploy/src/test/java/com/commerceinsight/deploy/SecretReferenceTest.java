package com.commerceinsight.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.regex.Pattern;

/** Nothing secret is written into the manifests: no Secret with data, no credential in an environment or a ConfigMap. */
class SecretReferenceTest {

    private static final Pattern SECRET_LOOKING = Pattern.compile("PASSWORD|SECRET|TOKEN|CREDENTIAL|CONNECTION|ACCOUNT_KEY|ACCESS_KEY");
    private static final Pattern SECRET_VALUE = Pattern.compile("(?i)password\\s*=|SharedAccessKey=|AccountKey=|client_secret");

    @EachOverlay
    void noSecretManifestCarriesValues(KubernetesManifests manifests) {
        for (JsonNode secret : manifests.ofKind("Secret")) {
            assertThat(secret.path("data").size() + secret.path("stringData").size())
                    .as("Secret " + KubernetesManifests.name(secret)).isZero();
        }
    }

    @EachOverlay
    void noContainerIsGivenACredentialInline(KubernetesManifests manifests) {
        for (KubernetesManifests.PodTemplate pod : manifests.podTemplates()) {
            for (JsonNode container : pod.containers()) {
                for (JsonNode env : container.path("env")) {
                    String name = env.path("name").asText();
                    String where = pod.where() + " " + name;
                    assertThat(SECRET_LOOKING.matcher(name.toUpperCase()).find() && env.has("value")).as(where + " inlined").isFalse();
                    assertThat(SECRET_VALUE.matcher(env.path("value").asText()).find()).as(where).isFalse();
                }
                for (JsonNode source : container.path("envFrom")) {
                    assertThat(source.has("configMapRef")).as(pod.where() + " envFrom only from ConfigMaps").isTrue();
                }
            }
        }
    }

    @EachOverlay
    void configMapsHoldNothingSecret(KubernetesManifests manifests) {
        assertThat(manifests.ofKind("ConfigMap")).isNotEmpty();
        for (JsonNode configMap : manifests.ofKind("ConfigMap")) {
            for (Map.Entry<String, String> entry : DeploymentManifestTest.labels(configMap.path("data")).entrySet()) {
                // quarkus.oidc.token.* says how a bearer token is checked (audience, issuer), never a credential.
                String key = entry.getKey().toUpperCase().replaceFirst("^QUARKUS_OIDC_TOKEN_", "QUARKUS_OIDC_");
                assertThat(SECRET_LOOKING.matcher(key).find()).as(entry.getKey()).isFalse();
                assertThat(SECRET_VALUE.matcher(entry.getValue()).find()).as(entry.getKey()).isFalse();
            }
        }
    }
}
