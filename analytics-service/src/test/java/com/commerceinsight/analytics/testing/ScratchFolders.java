package com.commerceinsight.analytics.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Temporary folders for test fixtures that outlive a single test (a generated shop shared by a test class, a Quarkus
 * test profile's import folder), where JUnit's {@code @TempDir} does not reach: each is removed with its contents when
 * the test JVM ends, so a test run leaves nothing behind in the system's temporary folder.
 */
public final class ScratchFolders {

    private static final List<Path> CREATED = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> CREATED.forEach(ScratchFolders::deleteQuietly), "scratch-folders"));
    }

    private ScratchFolders() {
    }

    /** A new empty folder named after {@code prefix}, removed when the JVM ends. */
    public static Path create(String prefix) {
        try {
            Path folder = Files.createTempDirectory(prefix);
            CREATED.add(folder);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            // the JVM is ending; a leftover in the temporary folder is harmless
        }
    }
}
