package com.commerceinsight.analytics.service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The service's packages as compiled: the write path (orders) knows nothing of the read models (dashboards, analyses),
 * which follow its events, and no two packages depend on each other, directly or through others.
 */
class PackageDependenciesTest {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.commerceinsight.analytics");

    @Test
    void ordersImportNothingFromTheReadModels() {
        noClasses().that().resideInAPackage("com.commerceinsight.analytics.orders..")
                .should().dependOnClassesThat().resideInAnyPackage("com.commerceinsight.analytics.dashboards..",
                        "com.commerceinsight.analytics.analyses..")
                .check(SERVICE);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("com.commerceinsight.analytics.(**)").should().beFreeOfCycles().check(SERVICE);
    }
}
