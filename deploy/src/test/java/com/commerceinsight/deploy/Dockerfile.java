package com.commerceinsight.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The instructions of a Dockerfile, read as the builder reads them: comments dropped, continuation lines joined. The
 * offline checks assert on them, and the container test lays out and runs each service the way they say.
 */
public final class Dockerfile {

    /** One COPY: its sources (relative to the build context, build arguments not yet substituted) and destination. */
    public record Copy(List<String> sources, String destination) {
    }

    private final Path file;
    private final List<String> lines;

    private Dockerfile(Path file, List<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    public static Dockerfile read(Path file) {
        try {
            String withoutComments = Files.readString(file).lines()
                    .filter(line -> !line.strip().startsWith("#"))
                    .collect(Collectors.joining("\n", "", "\n"));
            List<String> lines = withoutComments.replaceAll("\\\\\\r?\\n", " ").lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .toList();
            return new Dockerfile(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The image recipe of the four services. */
    public static Dockerfile serviceImage() {
        return read(DeployFolder.resolve("docker/service.Dockerfile"));
    }

    public Path file() {
        return file;
    }

    /** Arguments of every instruction of the given kind, in order. */
    public List<String> instructions(String keyword) {
        return lines.stream()
                .filter(line -> isInstruction(line, keyword))
                .map(line -> line.substring(keyword.length()).strip())
                .toList();
    }

    /**
     * The RUN commands above the first ARG: what the image holds before any one service's build argument, shared by
     * the four images.
     */
    public List<String> baseRunCommands() {
        List<String> commands = new ArrayList<>();
        for (String line : lines) {
            if (isInstruction(line, "ARG")) {
                break;
            }
            if (isInstruction(line, "RUN")) {
                commands.add(line.substring(3).strip());
            }
        }
        return commands;
    }

    /** The variables the ENV instructions set (KEY=VALUE pairs, values possibly double-quoted). */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String env : instructions("ENV")) {
            for (String word : words(env)) {
                int equals = word.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalStateException(file + ": ENV without KEY=VALUE: " + env);
                }
                environment.put(word.substring(0, equals), word.substring(equals + 1));
            }
        }
        return environment;
    }

    /** The exec-form ENTRYPOINT's words; fails for the shell form, which would not pass the container's arguments on. */
    public List<String> entrypoint() {
        List<String> entrypoints = instructions("ENTRYPOINT");
        if (entrypoints.size() != 1 || !entrypoints.get(0).startsWith("[")) {
            throw new IllegalStateException(file + ": expected one exec-form ENTRYPOINT, found " + entrypoints);
        }
        try {
            return new ObjectMapper().readValue(entrypoints.get(0), new TypeReference<List<String>>() { });
        } catch (IOException e) {
            throw new IllegalStateException(file + ": ENTRYPOINT is not a JSON array: " + entrypoints.get(0), e);
        }
    }

    public List<Copy> copies() {
        List<Copy> copies = new ArrayList<>();
        for (String copy : instructions("COPY")) {
            List<String> words = words(copy).stream().filter(word -> !word.startsWith("--")).toList();
            copies.add(new Copy(words.subList(0, words.size() - 1), words.get(words.size() - 1)));
        }
        return copies;
    }

    /** The last WORKDIR. */
    public String workdir() {
        List<String> workdirs = instructions("WORKDIR");
        return workdirs.get(workdirs.size() - 1);
    }

    /** The numeric uid of the last USER. */
    public int uid() {
        List<String> users = instructions("USER");
        return Integer.parseInt(users.get(users.size() - 1).split(":")[0]);
    }

    /** The numeric gid of the last USER (its uid when no group is named). */
    public int gid() {
        List<String> users = instructions("USER");
        String[] parts = users.get(users.size() - 1).split(":");
        return Integer.parseInt(parts[parts.length - 1]);
    }

    private static boolean isInstruction(String line, String keyword) {
        return line.regionMatches(true, 0, keyword + " ", 0, keyword.length() + 1);
    }

    /** Words separated by blanks; a double-quoted stretch is part of its word, the quotes dropped. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
