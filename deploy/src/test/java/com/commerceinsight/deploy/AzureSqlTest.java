package com.commerceinsight.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Azure SQL keeps the original system's protections: encryption, backups, failover, no way in from outside. */
class AzureSqlTest {

    private static final AzureEstate PROD = AzureEstate.load("azure/parameters/prod.json");
    private static final JsonNode PROD_PARAMETERS = ArmTemplate.read("azure/parameters/prod.json").path("parameters");

    @Test
    void theDatabaseFailsOverAutomaticallyToTheSecondaryInThePairedRegion() {
        List<JsonNode> servers = PROD.resources("Microsoft.Sql/servers");
        assertThat(servers).hasSize(2);
        JsonNode primary = servers.get(0);
        JsonNode secondary = servers.get(1);
        assertThat(secondary.path("location").asText())
                .isEqualTo(PROD_PARAMETERS.path("secondaryLocation").path("value").asText())
                .isNotEqualTo(primary.path("location").asText());

        JsonNode group = single("Microsoft.Sql/servers/failoverGroups");
        assertThat(group.path("name").asText()).startsWith(primary.path("name").asText() + "/");
        JsonNode properties = group.path("properties");
        assertThat(properties.path("partnerServers")).extracting(p -> p.path("id").asText())
                .containsExactly(secondary.path("id").asText());
        assertThat(properties.path("databases")).extracting(JsonNode::asText)
                .containsExactly(single("Microsoft.Sql/servers/databases").path("id").asText());
        assertThat(properties.path("readWriteEndpoint").path("failoverPolicy").asText()).isEqualTo("Automatic");
        assertThat(properties.path("readWriteEndpoint").path("failoverWithDataLossGracePeriodMinutes").asInt())
                .isGreaterThanOrEqualTo(60);
    }

    @Test
    void pointInTimeRestoreReaches35DaysBackAndFullBackupsAreKeptForYears() {
        assertThat(single("Microsoft.Sql/servers/databases/backupShortTermRetentionPolicies")
                .path("properties").path("retentionDays").asInt()).isEqualTo(35);
        JsonNode longTerm = single("Microsoft.Sql/servers/databases/backupLongTermRetentionPolicies").path("properties");
        assertThat(Period.parse(longTerm.path("yearlyRetention").asText()).getYears()).isGreaterThanOrEqualTo(1);
        assertThat(Period.parse(longTerm.path("weeklyRetention").asText()).isZero()).isFalse();
    }

    @Test
    void productionSurvivesTheLossOfAZone() {
        JsonNode database = single("Microsoft.Sql/servers/databases").path("properties");
        assertThat(database.path("zoneRedundant").asBoolean()).isTrue();
        assertThat(database.path("requestedBackupStorageRedundancy").asText()).isEqualTo("GeoZone");
    }

    @Test
    void noFirewallRuleLetsAzureOrAnyoneElseInAzureSqlAllowAzureAccess() {
        assertThat(PROD.resources("Microsoft.Sql/servers/firewallRules")).isEmpty();
        assertThat(PROD.resources("Microsoft.Sql/servers"))
                .allSatisfy(s -> assertThat(s.path("properties").path("publicNetworkAccess").asText()).isEqualTo("Disabled"));
    }

    @Test
    void theAuditTrailReachesLogAnalyticsThroughEachServersMasterDatabase() {
        for (JsonNode server : PROD.resources("Microsoft.Sql/servers")) {
            assertThat(PROD.resources("Microsoft.Insights/diagnosticSettings")).as(server.path("name").asText())
                    .anySatisfy(setting -> {
                        assertThat(setting.path("scope").asText()).isEqualTo(server.path("id").asText() + "/databases/master");
                        assertThat(setting.path("properties").path("logs")).extracting(l -> l.path("category").asText())
                                .contains("SQLSecurityAuditEvents");
                    });
        }
    }

    @Test
    void aKeyVersionSwitchesBothServersToTheCustomerManagedKey() {
        assertThat(PROD.resources("Microsoft.Sql/servers/encryptionProtector")).as("service-managed by default").isEmpty();
        AzureEstate withKey = AzureEstate.load("azure/parameters/prod.json", path -> {
            JsonNode template = ArmTemplate.read(path);
            if (path.equals("azure/parameters/prod.json")) {
                JsonNode copy = template.deepCopy();
                ((ObjectNode) copy.path("parameters").path("sqlTdeKeyVersion")).put("value", "0123456789abcdef0123456789abcdef");
                return copy;
            }
            return template;
        });
        assertThat(withKey.resources("Microsoft.Sql/servers/encryptionProtector")).hasSize(2)
                .allSatisfy(p -> assertThat(p.path("properties").path("serverKeyType").asText()).isEqualTo("AzureKeyVault"));
        assertThat(withKey.resources("Microsoft.Sql/servers/keys")).hasSize(2);
        assertThat(withKey.resources("Microsoft.Authorization/roleAssignments"))
                .filteredOn(a -> a.path("scope").asText().startsWith("Microsoft.KeyVault/vaults/")).hasSize(2);
    }

    private static JsonNode single(String type) {
        List<JsonNode> resources = PROD.resources(type);
        assertThat(resources).as(type).hasSize(1);
        return resources.get(0);
    }
}
