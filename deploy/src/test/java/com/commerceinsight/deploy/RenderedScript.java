package com.commerceinsight.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a script Liquibase rendered for SQL Server into its statements: Liquibase ends each with a GO line and
 * starts each changeset with a "-- Changeset path::id::author" comment. The SQL text run by EXEC('...') is a
 * statement of its own too, since a parser sees only a string literal there.
 */
final class RenderedScript {

    private static final String CHANGESET_COMMENT = "-- Changeset ";
    private static final Pattern EXEC_LITERAL = Pattern.compile("\\bEXEC(?:UTE)?\\s*\\(\\s*N?'((?:[^']|'')*)'\\s*\\)",
            Pattern.CASE_INSENSITIVE);

    private RenderedScript() {
    }

    static List<RenderedStatement> statements(String script) {
        List<RenderedStatement> statements = new ArrayList<>();
        String changeset = "(before the first changeset)";
        StringBuilder batch = new StringBuilder();
        for (String line : script.split("\\R", -1)) {
            if (line.strip().equalsIgnoreCase("GO")) {
                add(statements, changeset, batch.toString());
                batch.setLength(0);
            } else if (batch.isEmpty() && line.startsWith("--")) {
                if (line.startsWith(CHANGESET_COMMENT)) {
                    changeset = line.substring(CHANGESET_COMMENT.length()).strip();
                }
            } else if (!batch.isEmpty() || !line.isBlank()) {
                batch.append(line).append('\n');
            }
        }
        add(statements, changeset, batch.toString());
        return statements;
    }

    private static void add(List<RenderedStatement> statements, String changeset, String batch) {
        String sql = batch.strip();
        if (sql.isEmpty()) {
            return;
        }
        statements.add(new RenderedStatement(changeset, sql, false));
        Matcher exec = EXEC_LITERAL.matcher(sql);
        while (exec.find()) {
            statements.add(new RenderedStatement(changeset, exec.group(1).replace("''", "'"), true));
        }
    }
}
