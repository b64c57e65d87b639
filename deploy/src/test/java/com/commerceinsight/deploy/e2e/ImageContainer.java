package com.commerceinsight.deploy.e2e;

import com.commerceinsight.deploy.Dockerfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One container of the service image, run by bubblewrap as a pod's securityContext runs it: the image's root
 * filesystem read-only, the service's fast-jar read-only at the WORKDIR, a private tmpfs at /tmp as the only
 * writable path, the image's USER (uid and gid) in a user namespace of its own, its own pid, ipc and uts namespaces,
 * no capabilities, the image's ENV and ENTRYPOINT. The network is the host's, so the test reaches it on loopback.
 */
final class ImageContainer {

    /** The PATH of Docker's and containerd's default environment, which debian images keep. */
    private static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private final Path rootfs;
    private final Dockerfile image;
    private final Path appDir;
    private final String hostname;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> mounts = new ArrayList<>();

    ImageContainer(Path rootfs, Dockerfile image, Path appDir, String hostname) {
        this.rootfs = rootfs;
        this.image = image;
        this.appDir = appDir;
        this.hostname = hostname;
        environment.put("PATH", DEFAULT_PATH);
        environment.putAll(image.environment());
    }

    /** Sets a variable, as a pod's env does: over the image's ENV. */
    ImageContainer env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Mounts a host directory or file, as a pod's volume; mounts under /tmp go over its tmpfs. */
    ImageContainer mount(Path host, String target, boolean writable) {
        mounts.addAll(List.of(writable ? "--bind" : "--ro-bind", host.toString(), target));
        return this;
    }

    /** The image's ENTRYPOINT with these arguments, as `docker run IMAGE ARGS...` or a pod's args. */
    ManagedProcess entrypoint(String name, List<String> args, Path logs) throws IOException {
        List<String> command = new ArrayList<>(image.entrypoint());
        command.addAll(args);
        return command(name, command, logs);
    }

    /** Another command in place of the ENTRYPOINT, as a pod's command. */
    ManagedProcess command(String name, List<String> command, Path logs) throws IOException {
        List<String> bwrap = new ArrayList<>(List.of("bwrap",
                "--unshare-user", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try", "--share-net",
                "--uid", Integer.toString(image.uid()), "--gid", Integer.toString(image.gid()), "--hostname", hostname,
                "--cap-drop", "ALL", "--new-session", "--die-with-parent",
                // Writable only while the mount points are made, as a container runtime makes them; read-only below.
                "--bind", rootfs.toString(), "/",
                "--ro-bind", appDir.toString(), image.workdir(),
                "--ro-bind", etcFile("hosts", "127.0.0.1\tlocalhost\n::1\tlocalhost\n127.0.1.1\t" + hostname + "\n").toString(), "/etc/hosts",
                "--ro-bind", etcFile("hostname", hostname + "\n").toString(), "/etc/hostname",
                "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
        bwrap.addAll(mounts);
        bwrap.addAll(List.of("--remount-ro", "/", "--chdir", image.workdir(), "--clearenv"));
        environment.putIfAbsent("HOME", homeOf(image.uid()));
        environment.forEach((variable, value) -> bwrap.addAll(List.of("--setenv", variable, value)));
        bwrap.addAll(command);
        return new ManagedProcess(name, bwrap, Map.of(), logs);
    }

    /** The user's home directory from the image's /etc/passwd, as the runtime sets HOME unless the image or pod does. */
    private String homeOf(int uid) throws IOException {
        for (String entry : Files.readAllLines(rootfs.resolve("etc/passwd"))) {
            String[] fields = entry.split(":");
            if (fields.length > 5 && fields[2].equals(Integer.toString(uid))) {
                return fields[5];
            }
        }
        throw new IllegalStateException("uid " + uid + " has no entry in the image's /etc/passwd");
    }

    /** The files the runtime provides in /etc, written beside the fast-jar's folder. */
    private Path etcFile(String name, String content) throws IOException {
        return Files.writeString(appDir.resolveSibling(hostname + "." + name), content);
    }
}
