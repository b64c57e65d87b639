package com.commerceinsight.analytics.console;

import java.util.HashMap;
import java.util.Map;

import com.commerceinsight.analytics.dashboards.DashboardShopProfile;

/** The dashboard tests' database, with the console's calls carrying an analyst's token ({@link ConsoleBearerRelay}). */
public class ConsoleProfile extends DashboardShopProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("console-test.relay-analyst-token", "true");
        return overrides;
    }
}
