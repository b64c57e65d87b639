package com.commerceinsight.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every service's changelog as SQL Server would run it: rendered offline by Liquibase for mssql, so the
 * dbms="mssql" branches the tests on H2 never take are checked too, and parsed with a T-SQL grammar.
 */
class MssqlChangelogTest {

    @BeforeAll
    static void needsNode() {
        // CI installs Node.js (.ci/run), so there the check never skips; elsewhere it says what is missing.
        assumeTrue(System.getenv("CI") != null || TsqlParser.available(),
                "Node.js and npm are not installed (Debian: apt-get install nodejs npm); the T-SQL check is skipped");
    }

    @Test
    void everyChangelogRendersToTsqlThatParses() throws Exception {
        Path workDir = DeployFolder.resolve("target").resolve("mssql");
        List<String> services = new ArrayList<>();
        List<RenderedStatement> statements = new ArrayList<>();
        long started = System.nanoTime();
        for (ServiceContract service : ServiceContract.ALL) {
            List<RenderedStatement> rendered = RenderedScript.statements(
                    MssqlChangelogRenderer.render(ServiceChangelog.of(service), workDir));
            assertThat(rendered).as(service.name() + " statements").isNotEmpty();
            System.out.printf("%s: %d statements (%d of them the text of an EXEC) in %s.sql%n", service.name(),
                    rendered.size(), rendered.stream().filter(RenderedStatement::dynamic).count(), service.name());
            rendered.forEach(statement -> services.add(service.name()));
            statements.addAll(rendered);
        }
        long parsing = System.nanoTime();
        List<String> problems = TsqlParser.problems(statements.stream().map(RenderedStatement::sql).toList());
        System.out.printf("rendered in %d ms, %d statements parsed in %d ms%n", (parsing - started) / 1_000_000,
                statements.size(), (System.nanoTime() - parsing) / 1_000_000);

        List<String> failures = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            if (problems.get(i) != null) {
                RenderedStatement statement = statements.get(i);
                failures.add(String.format("%s, changeset %s%s:%n  %s%n  %s", services.get(i), statement.changeset(),
                        statement.dynamic() ? " (the text of an EXEC)" : "", problems.get(i),
                        statement.sql().replace("\n", "\n  ")));
            }
        }
        assertThat(failures).as("statements SQL Server would reject (rendered under target/mssql)").isEmpty();
    }

    @Test
    void theParserRejectsSyntaxSqlServerDoesNotHave() throws Exception {
        List<String> problems = TsqlParser.problems(List.of(
                "CREATE SCHEMA reporting",
                "CREATE SCHEMA IF NOT EXISTS reporting",
                "SELECT TOP 10 id FROM commerce.orders ORDER BY id",
                "SELECT id FROM commerce.orders ORDER BY id LIMIT 10"));
        assertThat(problems.get(0)).isNull();
        assertThat(problems.get(1)).contains("line 1");
        assertThat(problems.get(2)).isNull();
        assertThat(problems.get(3)).contains("line 1");
    }
}
