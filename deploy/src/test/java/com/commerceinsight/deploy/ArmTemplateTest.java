package com.commerceinsight.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Period;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Azure templates, evaluated with their example parameters, keep the database and broker secure and recoverable. */
class ArmTemplateTest {

    private static final Pattern SECRET_NAME = Pattern.compile("(?i)password|secret|key|connection");

    private final ArmTemplate sql = ArmTemplate.load("azure/sql.json", "azure/sql.parameters.example.json");
    private final ArmTemplate eventHubs = ArmTemplate.load("azure/event-hubs.json", "azure/event-hubs.parameters.example.json");

    @Test
    void bothSqlServersRequireTls12AndHaveAnEntraIdAdministrator() {
        List<JsonNode> servers = sql.resources("Microsoft.Sql/servers");
        // The primary and the failover group's secondary.
        assertThat(servers).extracting(s -> s.path("name").asText())
                .containsExactlyInAnyOrder("commerce-insight-sql-weu", "commerce-insight-sql-neu");
        for (JsonNode server : servers) {
            JsonNode properties = server.path("properties");
            assertThat(properties.path("minimalTlsVersion").asText()).isEqualTo("1.2");
            JsonNode admin = properties.path("administrators");
            assertThat(admin.path("administratorType").asText()).isEqualTo("ActiveDirectory");
            assertThat(admin.path("login").asText()).isNotBlank();
            assertThat(admin.path("sid").asText()).isNotBlank();
        }
    }

    @Test
    void publicAccessToSqlIsOnlyThroughNarrowFirewallRulesOnBothServers() {
        List<JsonNode> rules = sql.resources("Microsoft.Sql/servers/firewallRules");
        // sql.parameters.example.json lists one rule; it is set on each of the two servers.
        assertThat(rules).extracting(r -> r.path("name").asText())
                .containsExactlyInAnyOrder("commerce-insight-sql-weu/aks-egress", "commerce-insight-sql-neu/aks-egress");
        for (JsonNode rule : rules) {
            String start = rule.path("properties").path("startIpAddress").asText();
            String end = rule.path("properties").path("endIpAddress").asText();
            // 0.0.0.0 is Azure's "allow every Azure service" rule; a range from 0.0.0.0 lets everyone in.
            assertThat(start).as("firewall rule start").isNotEqualTo("0.0.0.0");
            assertThat(end).as("firewall rule end").isNotEqualTo("255.255.255.255");
        }
        for (JsonNode server : sql.resources("Microsoft.Sql/servers")) {
            assertThat(server.path("properties").path("publicNetworkAccess").asText()).isIn("Enabled", "Disabled");
        }
    }

    @Test
    void theDatabaseIsEncryptedAtRest() {
        List<JsonNode> databases = sql.resources("Microsoft.Sql/servers/databases");
        assertThat(databases).extracting(d -> d.path("name").asText()).containsExactly("commerce-insight-sql-weu/commerce");
        List<JsonNode> tde = sql.resources("Microsoft.Sql/servers/databases/transparentDataEncryption");
        assertThat(tde).hasSize(1);
        assertThat(tde.get(0).path("name").asText()).isEqualTo("commerce-insight-sql-weu/commerce/current");
        assertThat(tde.get(0).path("properties").path("state").asText()).isEqualTo("Enabled");
    }

    @Test
    void backupsAreKeptAtLeastAWeekAndLongTerm() {
        JsonNode shortTerm = single(sql.resources("Microsoft.Sql/servers/databases/backupShortTermRetentionPolicies"));
        assertThat(shortTerm.path("properties").path("retentionDays").asInt()).isGreaterThanOrEqualTo(7);
        assertThat(sql.parameterDefinition("shortTermRetentionDays").path("minValue").asInt())
                .as("no deployment may go below a week").isGreaterThanOrEqualTo(7);

        JsonNode longTerm = single(sql.resources("Microsoft.Sql/servers/databases/backupLongTermRetentionPolicies"))
                .path("properties");
        List<Period> kept = new ArrayList<>();
        for (String field : List.of("weeklyRetention", "monthlyRetention", "yearlyRetention")) {
            String value = longTerm.path(field).asText("");
            if (!value.isEmpty()) {
                kept.add(Period.parse(value));
            }
        }
        assertThat(kept).as("long-term retention").anyMatch(p -> !p.isZero());
    }

    @Test
    void theDatabaseFailsOverToTheSecondaryServer() {
        JsonNode group = single(sql.resources("Microsoft.Sql/servers/failoverGroups"));
        assertThat(group.path("name").asText()).isEqualTo("commerce-insight-sql-weu/commerce-insight-fog");
        JsonNode properties = group.path("properties");
        assertThat(properties.path("partnerServers")).extracting(p -> p.path("id").asText())
                .containsExactly("Microsoft.Sql/servers/commerce-insight-sql-neu");
        assertThat(properties.path("databases")).extracting(JsonNode::asText)
                .containsExactly("Microsoft.Sql/servers/databases/commerce-insight-sql-weu/commerce");
        assertThat(properties.path("readWriteEndpoint").path("failoverPolicy").asText()).isEqualTo("Automatic");
    }

    @Test
    void eventHubsServesKafkaOverTls12() {
        JsonNode namespace = single(eventHubs.resources("Microsoft.EventHub/namespaces"));
        assertThat(namespace.path("properties").path("kafkaEnabled").asBoolean()).isTrue();
        assertThat(namespace.path("properties").path("minimumTlsVersion").asText()).isEqualTo("1.2");
        assertThat(namespace.path("sku").path("name").asText()).isIn("Standard", "Premium");
        // Basic has no Kafka endpoint: the template must not even offer it.
        assertThat(eventHubs.parameterDefinition("skuName").path("allowedValues"))
                .extracting(JsonNode::asText).containsOnly("Standard", "Premium");
    }

    @Test
    void everyContractTopicAndTheDeadLetterTopicExistWithConsumerGroups() throws Exception {
        Map<String, Integer> partitions = new java.util.HashMap<>();
        for (JsonNode hub : eventHubs.resources("Microsoft.EventHub/namespaces/eventhubs")) {
            partitions.put(hub.path("name").asText(), hub.path("properties").path("partitionCount").asInt());
        }
        // Every topic with a contract under events/ (what the services publish), and the order topic's dead letters.
        List<String> topics = new ArrayList<>(List.of("commerce-insight-events/commerce.orders.v1.dlq"));
        try (var contracts = Files.list(DeployFolder.resolve("events"))) {
            contracts.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".schema.json"))
                    .forEach(n -> topics.add("commerce-insight-events/" + n.substring(0, n.length() - ".schema.json".length())));
        }
        assertThat(topics).hasSize(4);
        assertThat(partitions).containsOnlyKeys(topics.toArray(String[]::new));
        assertThat(partitions.get("commerce-insight-events/commerce.orders.v1")).isGreaterThanOrEqualTo(6);

        assertThat(eventHubs.resources("Microsoft.EventHub/namespaces/eventhubs/consumergroups"))
                .extracting(g -> g.path("name").asText())
                .containsExactlyInAnyOrder(
                        "commerce-insight-events/commerce.orders.v1/prediction-service",
                        "commerce-insight-events/commerce.orders.v1/segmentation-service",
                        "commerce-insight-events/commerce.orders.v1/recommender-service");
    }

    @Test
    void theServicesAccessRuleCannotManageTheNamespace() {
        for (JsonNode rule : eventHubs.resources("Microsoft.EventHub/namespaces/authorizationRules")) {
            assertThat(rule.path("properties").path("rights")).extracting(JsonNode::asText).doesNotContain("Manage");
        }
    }

    @Test
    void secretsAreSecureParametersAndNeverOutputsOrExampleValues() {
        for (String[] files : new String[][] {
                {"azure/sql.json", "azure/sql.parameters.example.json"},
                {"azure/event-hubs.json", "azure/event-hubs.parameters.example.json"}}) {
            JsonNode template = ArmTemplate.read(files[0]);
            Iterator<Map.Entry<String, JsonNode>> parameters = template.path("parameters").fields();
            while (parameters.hasNext()) {
                Map.Entry<String, JsonNode> parameter = parameters.next();
                if (SECRET_NAME.matcher(parameter.getKey()).find()) {
                    assertThat(parameter.getValue().path("type").asText()).as(parameter.getKey())
                            .isIn("securestring", "secureObject");
                    assertThat(ArmTemplate.read(files[1]).path("parameters").has(parameter.getKey()))
                            .as(parameter.getKey() + " in " + files[1]).isFalse();
                }
            }
            String outputs = template.path("outputs").toString();
            assertThat(outputs).as(files[0] + " outputs").doesNotContainIgnoringCase("listKeys")
                    .doesNotContainIgnoringCase("password").doesNotContainIgnoringCase("primaryConnectionString");
        }
    }

    private static JsonNode single(List<JsonNode> resources) {
        assertThat(resources).hasSize(1);
        return resources.get(0);
    }
}
