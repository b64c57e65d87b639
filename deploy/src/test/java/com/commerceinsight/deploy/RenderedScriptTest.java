package com.commerceinsight.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RenderedScriptTest {

    private static final String SCRIPT = """
            -- *********************************************************************
            -- Update Database Script
            -- *********************************************************************

            -- Changeset db/shop.xml::shop-schema::someone
            IF SCHEMA_ID('shop') IS NULL EXEC('CREATE SCHEMA shop; SELECT ''x''');
            GO

            INSERT INTO shop_changelog (ID) VALUES ('shop-schema')
            GO

            -- Changeset db/shop.xml::shop-tables::someone
            CREATE TABLE shop.item (id bigint NOT NULL,
              name nvarchar(20));
            GO
            """;

    @Test
    void statementsEndAtGoLinesUnderTheChangesetBeforeThem() {
        List<RenderedStatement> statements = RenderedScript.statements(SCRIPT);

        assertThat(statements).extracting(RenderedStatement::changeset).containsExactly(
                "db/shop.xml::shop-schema::someone", "db/shop.xml::shop-schema::someone",
                "db/shop.xml::shop-schema::someone", "db/shop.xml::shop-tables::someone");
        assertThat(statements.get(2).sql()).isEqualTo("INSERT INTO shop_changelog (ID) VALUES ('shop-schema')");
        assertThat(statements.get(3).sql()).isEqualTo("CREATE TABLE shop.item (id bigint NOT NULL,\n  name nvarchar(20));");
    }

    @Test
    void theTextAnExecRunsIsAStatementOfItsOwn() {
        List<RenderedStatement> statements = RenderedScript.statements(SCRIPT);

        assertThat(statements.get(0).dynamic()).isFalse();
        assertThat(statements.get(1).dynamic()).isTrue();
        assertThat(statements.get(1).sql()).isEqualTo("CREATE SCHEMA shop; SELECT 'x'");
    }
}
