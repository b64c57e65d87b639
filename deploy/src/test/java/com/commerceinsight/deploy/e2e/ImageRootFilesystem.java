package com.commerceinsight.deploy.e2e;

import com.commerceinsight.deploy.Dockerfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The root filesystem of the service image without a Docker engine: Debian's minimal base of the FROM line's release
 * (what the debian images are made of) by debootstrap, then the Dockerfile's service-independent RUN instructions
 * executed in it as the builder would, as root with the network. Kept beside a copy of the recipe it was built from,
 * and reused while the recipe is unchanged.
 */
final class ImageRootFilesystem {

    static final String DEFAULT_MIRROR = "http://deb.debian.org/debian";

    private static final Pattern DEBIAN_IMAGE = Pattern.compile("debian:([a-z]+)(-slim)?");
    private static final String BUILD_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private final Dockerfile image;
    private final Path dir;
    private final Path recipeFile;
    private final Path logs;
    private final String mirror;

    ImageRootFilesystem(Dockerfile image, Path workDir, Path logs, String mirror) {
        this.image = image;
        this.dir = workDir.resolve("rootfs");
        this.recipeFile = workDir.resolve("rootfs.recipe");
        this.logs = logs;
        this.mirror = mirror;
    }

    /** The root filesystem, built first unless the one on disk was built from the same recipe. */
    Path prepare() throws Exception {
        String recipe = recipe();
        if (Files.isDirectory(dir) && Files.exists(recipeFile) && Files.readString(recipeFile).equals(recipe)) {
            System.out.printf("image root filesystem: reused (%,d MB)%n", megabytes(dir));
            return dir;
        }
        Path partial = dir.resolveSibling("rootfs.partial");
        deleteUnmounted(dir);
        deleteUnmounted(partial);
        Files.deleteIfExists(recipeFile);

        long started = System.nanoTime();
        run("debootstrap", List.of("debootstrap", "--variant=minbase", suite(), partial.toString(), mirror), Duration.ofMinutes(10));
        long bootstrapped = System.nanoTime();
        List<String> runs = image.baseRunCommands();
        for (int i = 0; i < runs.size(); i++) {
            run("image-run-" + (i + 1), asBuilder(partial, runs.get(i)), Duration.ofMinutes(10));
        }
        long finished = System.nanoTime();
        Files.move(partial, dir);
        Files.writeString(recipeFile, recipe, StandardCharsets.UTF_8);
        System.out.printf("image root filesystem: %,d MB, built in %d s (debootstrap %d s, RUN instructions %d s)%n",
                megabytes(dir), seconds(finished - started), seconds(bootstrapped - started), seconds(finished - bootstrapped));
        return dir;
    }

    /** Debian's release named by the FROM line (debian:bookworm-slim: bookworm). */
    String suite() {
        List<String> from = image.instructions("FROM");
        Matcher debian = DEBIAN_IMAGE.matcher(from.isEmpty() ? "" : from.get(0));
        if (from.size() != 1 || !debian.matches()) {
            throw new IllegalStateException(image.file() + ": expected one FROM debian:<release>[-slim], found " + from);
        }
        return debian.group(1);
    }

    private String recipe() {
        return "FROM " + String.join(" ", image.instructions("FROM")) + "\nmirror " + mirror + "\n"
                + String.join("\n", image.baseRunCommands()) + "\n";
    }

    /**
     * A RUN instruction as the image builder runs it: /bin/sh -c in the new root, as root, with the network and the
     * host's resolver, a fresh /proc (the JRE's postinst reads it) and /dev, nothing mounted on the host afterwards.
     */
    private static List<String> asBuilder(Path root, String command) {
        return List.of("bwrap", "--bind", root.toString(), "/", "--proc", "/proc", "--dev", "/dev",
                "--ro-bind", "/etc/resolv.conf", "/etc/resolv.conf", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
                "--share-net", "--die-with-parent", "--clearenv", "--setenv", "PATH", BUILD_PATH, "--setenv", "HOME", "/root",
                "/bin/sh", "-c", command);
    }

    private void run(String name, List<String> command, Duration timeout) throws Exception {
        ManagedProcess process = new ManagedProcess(name, command, Map.of(), logs).start();
        int exit = process.awaitExit(timeout);
        if (exit != 0) {
            throw new IllegalStateException(name + " exited with " + exit + "; see " + process.log());
        }
    }

    /** Deletes a directory tree; refuses while anything is mounted inside it (a debootstrap stopped half way). */
    private static void deleteUnmounted(Path tree) throws IOException {
        if (!Files.exists(tree)) {
            return;
        }
        String prefix = tree.toRealPath() + "/";
        for (String mount : Files.readAllLines(Path.of("/proc/self/mounts"))) {
            String mountPoint = mount.split(" ")[1];
            if (mountPoint.startsWith(prefix)) {
                throw new IllegalStateException(mountPoint + " is mounted inside " + tree + ": unmount it first");
            }
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(tree)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.delete(path);
        }
    }

    /** The bytes of its regular files, as `du --apparent-size` counts them. */
    private static long megabytes(Path tree) throws IOException {
        long[] bytes = {0};
        Files.walkFileTree(tree, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                bytes[0] += attributes.isRegularFile() ? attributes.size() : 0;
                return FileVisitResult.CONTINUE;
            }
        });
        return bytes[0] / (1024 * 1024);
    }

    private static long seconds(long nanos) {
        return Duration.ofNanos(nanos).toSeconds();
    }
}
