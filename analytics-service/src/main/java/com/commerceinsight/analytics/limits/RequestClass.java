package com.commerceinsight.analytics.limits;

/** The kinds of request that are rate limited per caller, each with its own window. */
public enum RequestClass {
    /** Order and payment writes. */
    WRITE,
    /** Starts of imports and summary rebuilds: each occupies a worker for seconds to minutes. */
    JOB,
    /** Analyses, supplier figures and dashboards: reads that may scan the order tables. */
    COSTLY_READ;

    private static final String API = "/api/analytics/";

    /** The class of a request by method and path, or null when it is not limited (cheap reads, health, the console). */
    public static RequestClass of(String method, String path) {
        if (!path.startsWith(API)) {
            return null;
        }
        String rest = path.substring(API.length());
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (!read) {
            return rest.startsWith("imports") || rest.startsWith("dashboards/summary-rebuilds") ? JOB : WRITE;
        }
        if (rest.startsWith("analyses/") || rest.startsWith("suppliers") || (rest.startsWith("dashboards/") && !rest.startsWith("dashboards/summary-rebuilds"))) {
            return COSTLY_READ;
        }
        return null;
    }
}
