package io.gatehouse.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository checkout the tests read manifests from ({@code gatehouse.root}, set by the build). */
final class RepositoryRoot {

    private RepositoryRoot() {
    }

    static Path get() {
        Path root = Path.of(System.getProperty("gatehouse.root", "..")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("deploy/k8s"))) {
            throw new IllegalStateException("not a Gatehouse checkout (no deploy/k8s): " + root);
        }
        return root;
    }

    static Path resolve(String relative) {
        return get().resolve(relative);
    }
}
