package com.commerceinsight.deploy;

import static com.commerceinsight.deploy.Expectation.atLeast;
import static com.commerceinsight.deploy.Expectation.equalTo;
import static com.commerceinsight.deploy.Expectation.includes;
import static com.commerceinsight.deploy.Expectation.matches;
import static com.commerceinsight.deploy.Expectation.notEqualTo;
import static com.commerceinsight.deploy.Expectation.oneOf;
import static com.commerceinsight.deploy.Expectation.present;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Set;

/**
 * The PSRule for Azure rules that apply to the estate, each with the field it reads, transcribed from
 * the rules' definitions. Where PSRule accepts several ways of passing, the row encodes the one the templates use
 * (a private endpoint rather than IP rules, authorized ranges rather than a private API server).
 */
final class PsRuleTable {

    private static final String AKS = "Microsoft.ContainerService/managedClusters";
    private static final String ACR = "Microsoft.ContainerRegistry/registries";
    private static final String VAULT = "Microsoft.KeyVault/vaults";
    private static final String SQL = "Microsoft.Sql/servers";
    private static final String SQL_DB = "Microsoft.Sql/servers/databases";
    private static final String EVENT_HUBS = "Microsoft.EventHub/namespaces";
    private static final String VNET = "Microsoft.Network/virtualNetworks";
    private static final String NSG = "Microsoft.Network/networkSecurityGroups";
    private static final String DIAGNOSTICS = "Microsoft.Insights/diagnosticSettings";
    private static final String ARM_NAME = "^[A-Za-z0-9]([\\w.-]{0,78}\\w)?$";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> ANY_SOURCE = Set.of("*", "Any", "Internet");

    /** Azure.NSG.AnyInboundSource: no inbound allow rule takes "any" (or the Internet) as its source. */
    private static final Expectation NO_INBOUND_ALLOW_FROM_ANYWHERE = new Expectation("no inbound allow from any source",
            values -> values.stream().allMatch(rules -> rules.isArray() && noneFromAnywhere(rules)),
            original -> NODES.arrayNode().add(NODES.objectNode().set("properties", NODES.objectNode()
                    .put("direction", "Inbound").put("access", "Allow").put("sourceAddressPrefix", "*"))));

    static final List<PsRule> RULES = List.of(
            PsRule.of("Azure.AKS.ManagedIdentity", AKS, "identity.type", oneOf("SystemAssigned", "UserAssigned")),
            PsRule.of("Azure.AKS.StandardLB", AKS, "properties.networkProfile.loadBalancerSku", equalTo("standard")),
            PsRule.of("Azure.AKS.NetworkPolicy", AKS, "properties.networkProfile.networkPolicy", oneOf("azure", "calico", "cilium")),
            PsRule.of("Azure.AKS.AzurePolicyAddOn", AKS, "properties.addonProfiles.azurePolicy.enabled", equalTo(true)),
            PsRule.of("Azure.AKS.ManagedAAD", AKS, "properties.aadProfile.managed", equalTo(true)),
            PsRule.of("Azure.AKS.AuthorizedIPs", AKS, "properties.apiServerAccessProfile.authorizedIPRanges", atLeast(1)),
            PsRule.of("Azure.AKS.LocalAccounts", AKS, "properties.disableLocalAccounts", equalTo(true)),
            PsRule.of("Azure.AKS.UseRBAC", AKS, "properties.enableRBAC", equalTo(true)),
            PsRule.of("Azure.AKS.SecretStore", AKS, "properties.addonProfiles.azureKeyvaultSecretsProvider.enabled", equalTo(true)),
            PsRule.of("Azure.AKS.SecretStoreRotation", AKS,
                    "properties.addonProfiles.azureKeyvaultSecretsProvider.config.enableSecretRotation", equalTo("true")),
            PsRule.of("Azure.AKS.HttpAppRouting", AKS, "properties.addonProfiles.httpApplicationRouting.enabled", notEqualTo(true)),
            PsRule.of("Azure.AKS.AutoUpgrade", AKS, "properties.autoUpgradeProfile.upgradeChannel",
                    oneOf("rapid", "stable", "patch", "node-image")),
            PsRule.of("Azure.AKS.NodeAutoUpgrade", AKS, "properties.autoUpgradeProfile.nodeOSUpgradeChannel",
                    oneOf("SecurityPatch", "NodeImage")),
            PsRule.of("Azure.AKS.ContainerInsights", AKS, "properties.addonProfiles.omsAgent.enabled", equalTo(true)),
            PsRule.of("Azure.AKS.DefenderProfile", AKS, "properties.securityProfile.defender.securityMonitoring.enabled", equalTo(true)),
            PsRule.of("Azure.AKS.AvailabilityZone", AKS, "properties.agentPoolProfiles[*].availabilityZones", atLeast(1)),
            PsRule.of("Azure.AKS.AutoScaling", AKS, "properties.agentPoolProfiles[*].enableAutoScaling", equalTo(true)),
            PsRule.of("Azure.AKS.PoolScaleSet", AKS, "properties.agentPoolProfiles[*].type", equalTo("VirtualMachineScaleSets")),
            // The system pool is declared first, the user pool second (aks.json).
            PsRule.of("Azure.AKS.MinNodeCount", AKS, "properties.agentPoolProfiles[0].minCount", atLeast(3)),
            PsRule.of("Azure.AKS.MinUserPoolNodes", AKS, "properties.agentPoolProfiles[1].minCount", atLeast(3)),
            PsRule.of("Azure.AKS.EphemeralOSDisk", AKS, "properties.agentPoolProfiles[*].osDiskType", equalTo("Ephemeral")),
            PsRule.of("Azure.AKS.UptimeSLA", AKS, "sku.tier", oneOf("Standard", "Premium")),
            PsRule.of("Azure.AKS.Name", AKS, "name", matches("^[A-Za-z0-9](-|\\w){0,61}[A-Za-z0-9]$")),
            PsRule.of("Azure.AKS.DNSPrefix", AKS, "properties.dnsPrefix", matches("^[A-Za-z0-9]([-A-Za-z0-9]{0,52}[A-Za-z0-9])?$")),
            PsRule.child("Azure.AKS.MaintenanceWindow", AKS, AKS + "/maintenanceConfigurations", "shortName",
                    equalTo("aksManagedAutoUpgradeSchedule")),
            PsRule.child("Azure.AKS.AuditLogs", AKS, DIAGNOSTICS, "properties.logs[*].category", includes("kube-audit-admin", "guard")),
            PsRule.child("Azure.AKS.PlatformLogs", AKS, DIAGNOSTICS, "properties.logs[*].category",
                    includes("cluster-autoscaler", "kube-apiserver", "kube-controller-manager", "kube-scheduler")),

            PsRule.of("Azure.ACR.AdminUser", ACR, "properties.adminUserEnabled", notEqualTo(true)),
            PsRule.of("Azure.ACR.MinSku", ACR, "sku.name", oneOf("Standard", "Premium")),
            PsRule.of("Azure.ACR.AnonymousAccess", ACR, "properties.anonymousPullEnabled", notEqualTo(true)),
            PsRule.of("Azure.ACR.Firewall", ACR, "properties.publicNetworkAccess", equalTo("Disabled")),
            PsRule.of("Azure.ACR.Retention", ACR, "properties.policies.retentionPolicy.status", equalTo("enabled")),
            PsRule.of("Azure.ACR.Name", ACR, "name", matches("^[a-zA-Z0-9]{5,50}$")),

            PsRule.of("Azure.KeyVault.SoftDelete", VAULT, "properties.enableSoftDelete", equalTo(true)),
            PsRule.of("Azure.KeyVault.PurgeProtect", VAULT, "properties.enablePurgeProtection", equalTo(true)),
            PsRule.of("Azure.KeyVault.RBAC", VAULT, "properties.enableRbacAuthorization", equalTo(true)),
            PsRule.of("Azure.KeyVault.Firewall", VAULT, "properties.networkAcls.defaultAction", equalTo("Deny")),
            PsRule.child("Azure.KeyVault.Logs", VAULT, DIAGNOSTICS, "properties.logs[*].category", includes("AuditEvent")),
            PsRule.of("Azure.KeyVault.Name", VAULT, "name", matches("^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$")),

            PsRule.of("Azure.SQL.AAD", SQL, "properties.administrators.administratorType", equalTo("ActiveDirectory")),
            PsRule.of("Azure.SQL.AADOnly", SQL, "properties.administrators.azureADOnlyAuthentication", equalTo(true)),
            PsRule.of("Azure.SQL.MinTLS", SQL, "properties.minimalTlsVersion", oneOf("1.2", "1.3")),
            PsRule.child("Azure.SQL.Auditing", SQL, SQL + "/auditingSettings", "properties.state", equalTo("Enabled")),
            PsRule.child("Azure.SQL.DefenderCloud", SQL, SQL + "/securityAlertPolicies", "properties.state", equalTo("Enabled")),
            PsRule.child("Azure.SQL.VAScan", SQL, SQL + "/sqlVulnerabilityAssessments", "properties.state", equalTo("Enabled")),
            PsRule.child("Azure.SQL.TDE", SQL_DB, SQL_DB + "/transparentDataEncryption", "properties.state", equalTo("Enabled")),
            PsRule.of("Azure.SQL.ServerName", SQL, "name", matches("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")),
            PsRule.of("Azure.SQL.DBName", SQL_DB, "shortName", matches("^(?!master$|model$|tempdb$)[\\w-]{1,128}$")),
            PsRule.of("Azure.SQL.FGName", SQL + "/failoverGroups", "shortName", matches("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")),

            PsRule.of("Azure.EventHub.DisableLocalAuth", EVENT_HUBS, "properties.disableLocalAuth", equalTo(true)),
            PsRule.of("Azure.EventHub.MinTLS", EVENT_HUBS, "properties.minimumTlsVersion", oneOf("1.2", "1.3")),
            PsRule.of("Azure.EventHub.Firewall", EVENT_HUBS, "properties.publicNetworkAccess", equalTo("Disabled")),
            PsRule.child("Azure.EventHub.Usage", EVENT_HUBS, EVENT_HUBS + "/eventhubs", "shortName", present()),

            PsRule.of("Azure.VNET.UseNSGs", VNET, "properties.subnets[*].properties.networkSecurityGroup.id", present()),
            PsRule.of("Azure.VNET.PrivateSubnet", VNET, "properties.subnets[*].properties.defaultOutboundAccess", equalTo(false)),
            PsRule.of("Azure.VNET.Name", VNET, "name", matches(ARM_NAME)),
            PsRule.of("Azure.VNET.SubnetName", VNET, "properties.subnets[*].name", matches(ARM_NAME)),
            PsRule.of("Azure.NSG.AnyInboundSource", NSG, "properties.securityRules", NO_INBOUND_ALLOW_FROM_ANYWHERE),
            PsRule.of("Azure.NSG.Name", NSG, "name", matches(ARM_NAME)),
            PsRule.of("Azure.PrivateEndpoint.Name", "Microsoft.Network/privateEndpoints", "name", matches(ARM_NAME)),
            PsRule.of("Azure.Identity.UserAssignedName", "Microsoft.ManagedIdentity/userAssignedIdentities", "name",
                    matches("^[A-Za-z0-9][A-Za-z0-9-_]{2,127}$")),
            PsRule.of("Azure.Deployment.Name", AzureEstate.DEPLOYMENTS, "name", matches("^[-\\w._()]{1,64}$")),
            PsRule.of("Azure.Resource.UseTags", PsRule.TAGGABLE, "tags", atLeast(1)));

    private PsRuleTable() {
    }

    private static boolean noneFromAnywhere(JsonNode rules) {
        for (JsonNode rule : rules) {
            JsonNode properties = rule.path("properties");
            if (properties.path("direction").asText().equalsIgnoreCase("Inbound")
                    && properties.path("access").asText().equalsIgnoreCase("Allow")
                    && ANY_SOURCE.contains(properties.path("sourceAddressPrefix").asText())) {
                return false;
            }
        }
        return true;
    }
}
