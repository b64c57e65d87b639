package com.commerceinsight.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every workload signs in to Azure SQL, Event Hubs and Key Vault as its own Entra workload identity, with no password. */
class WorkloadIdentityTest {

    private static final String CLIENT_ID = "azure.workload.identity/client-id";
    private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String UNSET = "00000000-0000-0000-0000-000000000000";

    @EachOverlay
    void everyPodSignsInAsTheIdentityOfItsServiceAccount(KubernetesManifests manifests) {
        for (KubernetesManifests.PodTemplate pod : manifests.podTemplates()) {
            assertThat(pod.labels().path("azure.workload.identity/use").asText()).as(pod.where()).isEqualTo("true");
            String clientId = clientIdOf(manifests, pod);
            assertThat(clientId).as(pod.where() + " client id").matches(GUID).isNotEqualTo(UNSET);
            for (JsonNode container : pod.containers()) {
                // mssql-jdbc hands the user name to DefaultAzureCredential as the managed identity's client id.
                assertThat(DeploymentManifestTest.env(container, "QUARKUS_DATASOURCE_USERNAME"))
                        .as(pod.where() + " database user").isEqualTo(clientId);
            }
        }
    }

    @EachOverlay
    void noTwoServiceAccountsShareAnIdentity(KubernetesManifests manifests) {
        List<String> clientIds = manifests.ofKind("ServiceAccount").stream()
                .map(account -> account.path("metadata").path("annotations").path(CLIENT_ID).asText())
                .toList();
        assertThat(clientIds).doesNotHaveDuplicates();
    }

    @Test
    void noIdentityServesTwoEnvironments() {
        Set<String> seen = new HashSet<>();
        for (String overlay : KubernetesManifests.overlays()) {
            for (JsonNode account : KubernetesManifests.overlay(overlay).ofKind("ServiceAccount")) {
                String clientId = account.path("metadata").path("annotations").path(CLIENT_ID).asText();
                assertThat(seen.add(clientId)).as(overlay + " " + KubernetesManifests.name(account) + " reuses " + clientId).isTrue();
            }
        }
    }

    @EachOverlay
    void theDatabaseTakesEntraTokensOverAnEncryptedConnection(KubernetesManifests manifests) {
        String url = config(manifests).path("QUARKUS_DATASOURCE_JDBC_URL").asText();
        assertThat(url).startsWith("jdbc:sqlserver://").contains(";encrypt=true", ";trustServerCertificate=false",
                ";authentication=ActiveDirectoryDefault").doesNotContainIgnoringCase("password");
        for (KubernetesManifests.PodTemplate pod : manifests.podTemplates()) {
            for (JsonNode container : pod.containers()) {
                assertThat(container.path("env").findValuesAsText("name")).as(pod.where())
                        .doesNotContain("QUARKUS_DATASOURCE_PASSWORD");
                assertThat(container.path("env").findValues("secretKeyRef")).as(pod.where() + " secrets in env").isEmpty();
            }
        }
    }

    @EachOverlay
    void eventHubsTakesEntraTokensOverTls(KubernetesManifests manifests) {
        JsonNode config = config(manifests);
        assertThat(config.path("KAFKA_BOOTSTRAP_SERVERS").asText()).endsWith(".servicebus.windows.net:9093");
        assertThat(config.path("KAFKA_SECURITY_PROTOCOL").asText()).isEqualTo("SASL_SSL");
        assertThat(config.path("KAFKA_SASL_MECHANISM").asText()).isEqualTo("OAUTHBEARER");
        assertThat(config.path("KAFKA_SASL_JAAS_CONFIG").asText())
                .startsWith("org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required")
                .doesNotContainIgnoringCase("password").doesNotContain("SharedAccessKey");
    }

    @EachOverlay
    void keyVaultIsReadAsTheIdentityOfThePodsThatMountTheClass(KubernetesManifests manifests) {
        for (JsonNode spc : manifests.ofKind("SecretProviderClass")) {
            String name = KubernetesManifests.name(spc);
            JsonNode parameters = spc.path("spec").path("parameters");
            assertThat(spc.path("spec").path("provider").asText()).isEqualTo("azure");
            assertThat(parameters.path("usePodIdentity").asText()).as(name).isEqualTo("false");
            assertThat(parameters.path("tenantId").asText()).as(name).matches(GUID).isNotEqualTo(UNSET);
            assertThat(parameters.path("keyvaultName").asText()).as(name).isNotBlank();
            List<String> mountingIdentities = new ArrayList<>();
            for (KubernetesManifests.PodTemplate pod : manifests.podTemplates()) {
                if (pod.spec().path("volumes").findValuesAsText("secretProviderClass").contains(name)) {
                    mountingIdentities.add(clientIdOf(manifests, pod));
                }
            }
            assertThat(mountingIdentities).as(name + " mounted").isNotEmpty()
                    .containsOnly(parameters.path("clientID").asText());
        }
    }

    private static String clientIdOf(KubernetesManifests manifests, KubernetesManifests.PodTemplate pod) {
        String account = pod.spec().path("serviceAccountName").asText();
        return manifests.named("ServiceAccount", account).orElseThrow(() -> new AssertionError("no ServiceAccount " + account))
                .path("metadata").path("annotations").path(CLIENT_ID).asText();
    }

    private static JsonNode config(KubernetesManifests manifests) {
        return manifests.named("ConfigMap", "commerce-insight-config").orElseThrow().path("data");
    }
}
