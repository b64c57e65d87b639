package com.commerceinsight.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The ANTLR T-SQL grammar (grammars-v4's TSqlParser, prebuilt by the npm package antlr4ts-sql) run by Node.js from
 * src/test/tsql-parser, whose package-lock.json pins it; installed there with npm ci on first use.
 */
final class TsqlParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_MINUTES = 5;

    private TsqlParser() {
    }

    /** Whether Node.js and npm are installed (Debian: nodejs, npm). */
    static boolean available() {
        return runs("node", "--version") && runs("npm", "--version");
    }

    /** For each statement, null where it parses, else the syntax errors. */
    static List<String> problems(List<String> statements) throws IOException, InterruptedException {
        Path folder = DeployFolder.resolve("src/test/tsql-parser");
        Path logs = Files.createDirectories(DeployFolder.resolve("target").resolve("mssql"));
        if (!Files.isDirectory(folder.resolve("node_modules/antlr4ts-sql"))) {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(folder.toFile())
                    .redirectErrorStream(true).redirectOutput(logs.resolve("npm-ci.log").toFile()).start();
            finish(npm, "npm ci in " + folder, logs.resolve("npm-ci.log"));
        }
        Path errors = logs.resolve("parse-tsql.err");
        Process node = new ProcessBuilder("node", "parse-tsql.js").directory(folder.toFile())
                .redirectError(errors.toFile()).start();
        try (OutputStream stdin = node.getOutputStream()) {
            JSON.writeValue(stdin, statements);
        }
        byte[] answer;
        try (InputStream stdout = node.getInputStream()) {
            answer = stdout.readAllBytes();
        }
        finish(node, "node parse-tsql.js", errors);
        List<String> problems = JSON.readValue(answer, new TypeReference<ArrayList<String>>() { });
        if (problems.size() != statements.size()) {
            throw new IllegalStateException(problems.size() + " answers for " + statements.size() + " statements");
        }
        return problems;
    }

    private static void finish(Process process, String command, Path log) throws IOException, InterruptedException {
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish in " + TIMEOUT_MINUTES + " minutes");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command + " exited with " + process.exitValue() + ":\n"
                    + Files.readString(log));
        }
    }

    private static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(1, TimeUnit.MINUTES) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
