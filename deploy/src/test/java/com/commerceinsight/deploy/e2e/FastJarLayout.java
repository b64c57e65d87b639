package com.commerceinsight.deploy.e2e;

import com.commerceinsight.deploy.Dockerfile;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/**
 * A service's packaged fast-jar laid out in a directory as the image's COPY instructions lay it out under the
 * WORKDIR: a trailing slash copies a folder's contents, a glob in the last name copies the matching files.
 */
final class FastJarLayout {

    private FastJarLayout() {
    }

    /** Fills {@code target}, which stands for the image's WORKDIR, with what the COPY instructions put there. */
    static void layOut(Dockerfile image, Path buildContext, String service, Path target) throws IOException {
        String workdir = image.workdir().endsWith("/") ? image.workdir() : image.workdir() + "/";
        for (Dockerfile.Copy copy : image.copies()) {
            if (!copy.destination().startsWith(workdir)) {
                throw new IllegalStateException("COPY to " + copy.destination() + ", outside the WORKDIR " + workdir);
            }
            Path destination = target.resolve(copy.destination().substring(workdir.length()));
            for (String source : copy.sources()) {
                copySource(buildContext.resolve(source.replace("${SERVICE}", service)), source.endsWith("/"), destination);
            }
        }
    }

    private static void copySource(Path source, boolean folder, Path destination) throws IOException {
        if (folder) {
            requireExists(source);
            copyTree(source, destination);
            return;
        }
        requireExists(source.getParent());
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + source.getFileName());
        List<Path> matches;
        try (Stream<Path> files = Files.list(source.getParent())) {
            matches = files.filter(file -> Files.isRegularFile(file) && matcher.matches(file.getFileName())).toList();
        }
        if (matches.isEmpty()) {
            throw new IllegalStateException("nothing matches " + source + ": package the service first");
        }
        Files.createDirectories(destination);
        for (Path file : matches) {
            Files.copy(file, destination.resolve(file.getFileName().toString()));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(from)) {
            paths = walk.toList();
        }
        for (Path path : paths) {
            Path copy = to.resolve(from.relativize(path).toString());
            if (Files.isDirectory(path)) {
                Files.createDirectories(copy);
            } else {
                Files.copy(path, copy);
            }
        }
    }

    private static void requireExists(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalStateException("not packaged: " + path + " (run mvn package or verify from the root)");
        }
    }
}
