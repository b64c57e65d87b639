package com.commerceinsight.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the deploy/ folder whose files the checks read; Surefire runs with the module directory as basedir. */
final class DeployFolder {

    private DeployFolder() {
    }

    static Path resolve(String relative) {
        Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        Path file = root.resolve(relative);
        if (!Files.exists(file)) {
            throw new IllegalStateException(relative + " not found under " + root);
        }
        return file;
    }
}
