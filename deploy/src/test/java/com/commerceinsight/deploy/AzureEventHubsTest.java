package com.commerceinsight.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Event Hubs namespace carries the event flow of the architecture: its topics, readers, rights and load. */
class AzureEventHubsTest {

    private static final AzureEstate PROD = AzureEstate.load("azure/parameters/prod.json");
    private static final List<String> ORDER_READERS = List.of("prediction-service", "segmentation-service", "recommender-service");
    private static final Map<String, String> RIGHTS = Map.of(
            "Microsoft.Authorization/roleDefinitions/2b629674-e913-4c01-ae53-ef4638d8f975", "send",
            "Microsoft.Authorization/roleDefinitions/a638d3c7-ab3a-418d-83e6-5f17a39d4fde", "listen");

    @Test
    void everyContractTopicExistsWithItsDeadLetterTopicAndNothingElse() throws IOException {
        Set<String> expected = new HashSet<>();
        try (Stream<java.nio.file.Path> contracts = Files.list(DeployFolder.resolve("events"))) {
            contracts.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".schema.json"))
                    .map(n -> n.substring(0, n.length() - ".schema.json".length()))
                    .forEach(topic -> expected.addAll(List.of(topic, topic + ".dlq")));
        }
        assertThat(expected).hasSize(6).contains("commerce.orders.v1.dlq");
        assertThat(topics().keySet()).isEqualTo(expected);
    }

    @Test
    void theOrderTopicHasAPartitionForEveryReplicaAReadingServiceMayScaleTo() {
        KubernetesManifests manifests = KubernetesManifests.load();
        for (String reader : ORDER_READERS) {
            JsonNode autoscaler = manifests.named("HorizontalPodAutoscaler", reader).orElseThrow();
            assertThat(topics().get("commerce.orders.v1")).as(reader)
                    .isGreaterThanOrEqualTo(autoscaler.path("spec").path("maxReplicas").asInt());
        }
    }

    @Test
    void eachReadingServiceHasItsOwnConsumerGroupOnTheOrderTopic() {
        assertThat(PROD.resources("Microsoft.EventHub/namespaces/eventhubs/consumergroups"))
                .extracting(g -> g.path("name").asText().replaceFirst("^[^/]+/", ""))
                .containsExactlyInAnyOrderElementsOf(ORDER_READERS.stream().map(r -> "commerce.orders.v1/" + r).toList());
    }

    @Test
    void eachServiceMaySendOrListenOnlyWhereItsEventsFlow() {
        // DESIGN.md: analytics publishes orders; the three readers consume them and dead-letter what they cannot
        // process; prediction publishes scores, segmentation segment changes.
        Set<String> expected = new HashSet<>(Set.of(
                "analytics-service send commerce.orders.v1",
                "prediction-service send prediction.repurchase-scores.v1",
                "segmentation-service send segmentation.segment-changes.v1"));
        for (String reader : ORDER_READERS) {
            expected.add(reader + " listen commerce.orders.v1");
            expected.add(reader + " send commerce.orders.v1.dlq");
        }
        Set<String> granted = PROD.resources("Microsoft.Authorization/roleAssignments").stream()
                .filter(a -> a.path("scope").asText().startsWith("Microsoft.EventHub/"))
                .map(a -> {
                    String scope = a.path("scope").asText();
                    assertThat(scope).as("scoped to one topic").contains("/eventhubs/");
                    String service = a.path("properties").path("description").asText().split(" ")[0];
                    String right = RIGHTS.get(a.path("properties").path("roleDefinitionId").asText());
                    return service + " " + right + " " + scope.substring(scope.lastIndexOf('/') + 1);
                })
                .collect(Collectors.toSet());
        assertThat(granted).isEqualTo(expected);
    }

    @Test
    void theNamespaceCarriesAThousandOrdersASecondTwiceOver() {
        // One 1 KB event in per order, plus a score and a segment change; out, three order readers and one reader
        // each of scores and segment changes. A standard throughput unit: 1 MB/s or 1,000 events/s in,
        // 2 MB/s or 4,096 events/s out.
        double ordersPerSecondWithHeadroom = 1_000 * 2.0;
        double eventsIn = ordersPerSecondWithHeadroom * 3;
        double eventsOut = ordersPerSecondWithHeadroom * (3 + 1 + 1);
        double megabytesIn = eventsIn / 1_000;
        double megabytesOut = eventsOut / 1_000;
        long unitsIn = (long) Math.ceil(Math.max(eventsIn / 1_000, megabytesIn / 1));
        long unitsOut = (long) Math.ceil(Math.max(eventsOut / 4_096, megabytesOut / 2));
        long required = Math.max(unitsIn, unitsOut);
        assertThat(required).isEqualTo(6);

        JsonNode namespace = single("Microsoft.EventHub/namespaces");
        assertThat(namespace.path("sku").path("name").asText()).isEqualTo("Standard");
        assertThat(namespace.path("sku").path("capacity").asInt()).isGreaterThanOrEqualTo((int) required);
        assertThat(namespace.path("properties").path("isAutoInflateEnabled").asBoolean()).isTrue();
        assertThat(namespace.path("properties").path("maximumThroughputUnits").asInt())
                .isGreaterThan(namespace.path("sku").path("capacity").asInt());
        // A partition takes at most 1 MB/s or 1,000 events/s: the order topic's share of the doubled load must fit.
        assertThat(topics().get("commerce.orders.v1")).isGreaterThanOrEqualTo((int) Math.ceil(ordersPerSecondWithHeadroom / 1_000));
    }

    @Test
    void theServicesReachTheBrokerWithEntraIdOverThePrivateEndpointOnly() {
        JsonNode properties = single("Microsoft.EventHub/namespaces").path("properties");
        assertThat(properties.path("kafkaEnabled").asBoolean()).isTrue();
        assertThat(properties.path("disableLocalAuth").asBoolean()).isTrue();
        assertThat(PROD.resources("Microsoft.EventHub/namespaces/authorizationRules")).as("no SAS rule").isEmpty();
        JsonNode rules = single("Microsoft.EventHub/namespaces/networkRuleSets").path("properties");
        assertThat(rules.path("defaultAction").asText()).isEqualTo("Deny");
        assertThat(rules.path("ipRules")).isEmpty();
        assertThat(rules.path("trustedServiceAccessEnabled").asBoolean()).isFalse();
    }

    private static Map<String, Integer> topics() {
        return PROD.resources("Microsoft.EventHub/namespaces/eventhubs").stream()
                .collect(Collectors.toMap(h -> h.path("shortName").asText(), h -> h.path("properties").path("partitionCount").asInt()));
    }

    private static JsonNode single(String type) {
        List<JsonNode> resources = PROD.resources(type);
        assertThat(resources).as(type).hasSize(1);
        return resources.get(0);
    }
}
