package com.commerceinsight.analytics.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import com.commerceinsight.apikit.limits.RateLimited;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Every operation of the service is in the rate-limit bucket its method and path call for: writes of orders and
 * payments in "writes", starts of imports and rebuilds in "jobs", the reads that may scan the order tables (analyses,
 * suppliers, dashboards) in "costly-reads", and cheap reads in none. Read off the compiled resources, so an operation
 * added without its bucket fails here.
 */
class RateLimitedOperationsTest {

    private static final String API = "/api/analytics/";

    @Test
    void everyOperationIsInTheBucketItsMethodAndPathCallFor() {
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> actual = new TreeMap<>();
        for (Operation operation : operations()) {
            String key = operation.method() + " " + operation.path();
            expected.put(key, String.valueOf(bucketFor(operation.method(), operation.path())));
            actual.put(key, String.valueOf(operation.bucket()));
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.values()).contains("writes", "jobs", "costly-reads", "null");
        assertThat(actual).containsEntry("POST /api/analytics/orders", "writes")
                .containsEntry("GET /api/analytics/analyses/sales/total", "costly-reads")
                .containsEntry("GET /api/analytics/dashboards/summary-rebuilds/{id}", "null");
    }

    /** The rule: what an operation costs the service, by its HTTP method and path. */
    private static String bucketFor(String method, String path) {
        if (!path.startsWith(API)) {
            return null;
        }
        String rest = path.substring(API.length());
        if (!method.equals("GET")) {
            return rest.startsWith("imports") || rest.startsWith("dashboards/summary-rebuilds") ? "jobs" : "writes";
        }
        boolean scansOrders = rest.startsWith("analyses/") || rest.startsWith("suppliers")
                || rest.startsWith("dashboards/") && !rest.startsWith("dashboards/summary-rebuilds");
        return scansOrders ? "costly-reads" : null;
    }

    private record Operation(String method, String path, String bucket) {
    }

    private static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (JavaClass resource : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.commerceinsight.analytics")) {
            Class<?> type = resource.reflect();
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                String http = httpMethod(method);
                if (http == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = (root.value() + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
                RateLimited limited = method.isAnnotationPresent(RateLimited.class) ? method.getAnnotation(RateLimited.class)
                        : type.getAnnotation(RateLimited.class);
                operations.add(new Operation(http, path, limited == null ? null : limited.value()));
            }
        }
        assertThat(operations).as("the service's operations").hasSizeGreaterThan(30);
        return operations;
    }

    private static String httpMethod(Method method) {
        for (Class<? extends java.lang.annotation.Annotation> verb : List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class)) {
            if (method.isAnnotationPresent(verb)) {
                return verb.getSimpleName();
            }
        }
        return null;
    }
}
