package com.commerceinsight.analytics.dashboards;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A database of the dashboard tests' own, holding a generated shop: the dashboards sum over every order there is, so
 * they are checked where no other test class adds orders behind their back. The console's pages are rendered here too.
 */
public class DashboardShopProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:dashboards;MODE=MSSQLServer;DB_CLOSE_DELAY=-1",
                // The console's API calls carry an analyst's test token (ConsoleBrowserTest renders the pages here;
                // calls from anything but a console page are left as they come).
                "console-test.relay-analyst-token", "true");
    }
}
