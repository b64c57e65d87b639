package com.commerceinsight.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Credentials are referenced from Secrets created outside the repository, never written into it. */
class SecretReferenceTest {

    private static final Pattern SECRET_LOOKING = Pattern.compile("PASSWORD|SECRET|KEY|CONNECTION|JAAS|TOKEN|CREDENTIAL");
    private static final Pattern SECRET_VALUE = Pattern.compile("(?i)password=|SharedAccessKey=|AccountKey=");

    private final KubernetesManifests manifests = KubernetesManifests.load();

    @Test
    void noSecretManifestCarriesValues() {
        for (JsonNode secret : manifests.ofKind("Secret")) {
            assertThat(secret.path("data").size() + secret.path("stringData").size())
                    .as("Secret " + KubernetesManifests.name(secret)).isZero();
        }
    }

    @Test
    void secretLookingVariablesComeFromSecretKeyRefs() {
        for (JsonNode deployment : manifests.ofKind("Deployment")) {
            for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
                for (JsonNode env : container.path("env")) {
                    String name = env.path("name").asText();
                    if (SECRET_LOOKING.matcher(name.toUpperCase()).find()) {
                        String where = KubernetesManifests.name(deployment) + " " + name;
                        assertThat(env.has("value")).as(where + " inlined").isFalse();
                        JsonNode ref = env.path("valueFrom").path("secretKeyRef");
                        assertThat(ref.path("name").asText()).as(where + " secret").isNotBlank();
                        assertThat(ref.path("key").asText()).as(where + " key").isNotBlank();
                    }
                }
                for (JsonNode source : container.path("envFrom")) {
                    assertThat(source.has("configMapRef")).as("envFrom only from ConfigMaps").isTrue();
                }
            }
        }
    }

    @Test
    void everyServiceGetsItsDatabaseCredentialsFromASecret() {
        for (JsonNode deployment : manifests.ofKind("Deployment")) {
            JsonNode env = deployment.path("spec").path("template").path("spec").path("containers").get(0).path("env");
            for (String variable : new String[] {"QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD"}) {
                assertThat(env).as(KubernetesManifests.name(deployment) + " " + variable).anySatisfy(e -> {
                    assertThat(e.path("name").asText()).isEqualTo(variable);
                    assertThat(e.path("valueFrom").path("secretKeyRef").isObject()).isTrue();
                });
            }
        }
    }

    @Test
    void configMapsHoldNothingSecret() {
        assertThat(manifests.ofKind("ConfigMap")).isNotEmpty();
        for (JsonNode configMap : manifests.ofKind("ConfigMap")) {
            for (Map.Entry<String, String> entry : DeploymentManifestTest.labels(configMap.path("data")).entrySet()) {
                assertThat(SECRET_LOOKING.matcher(entry.getKey().toUpperCase()).find()).as(entry.getKey()).isFalse();
                assertThat(SECRET_VALUE.matcher(entry.getValue()).find()).as(entry.getKey()).isFalse();
            }
        }
    }

    @Test
    void theDatabaseUrlInsistsOnEncryption() {
        String url = manifests.named("ConfigMap", "commerce-insight-config").orElseThrow()
                .path("data").path("QUARKUS_DATASOURCE_JDBC_URL").asText();
        assertThat(url).startsWith("jdbc:sqlserver://").contains(";encrypt=true").contains(";trustServerCertificate=false");
    }
}
