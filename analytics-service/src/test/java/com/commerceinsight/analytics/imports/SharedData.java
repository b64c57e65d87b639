package com.commerceinsight.analytics.imports;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the shared real data sets (set by the build as shared.data.dir). */
public final class SharedData {

    private SharedData() {
    }

    public static Path dir(String name) {
        String base = System.getProperty("shared.data.dir", "../../shared/data");
        Path dir = Path.of(base).resolve(name).normalize();
        if (!Files.exists(dir)) {
            throw new IllegalStateException("shared data set not found: " + dir.toAbsolutePath());
        }
        return dir;
    }
}
