package io.gatehouse.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Kubernetes objects of an overlay, rendered by {@code kubectl kustomize} when kubectl is installed (the
 * real thing: patches, generators, name hashes). Without kubectl the files are read directly: the resources of
 * the kustomizations (recursively) and their ConfigMap generators, but no patches, so checks of patched values
 * are skipped and everything else is still checked.
 */
final class Manifests {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The objects of one overlay; {@code byKustomize} is false when patches were not applied. */
    record Rendered(String overlay, List<JsonNode> objects, boolean byKustomize) {

        List<JsonNode> ofKind(String kind) {
            return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
        }

        Optional<JsonNode> find(String kind, String name) {
            return ofKind(kind).stream().filter(o -> name.equals(o.at("/metadata/name").asText())).findFirst();
        }

        JsonNode get(String kind, String name) {
            return find(kind, name).orElseThrow(() -> new AssertionError(overlay + ": no " + kind + " " + name));
        }

        /** Deployments, StatefulSets and Jobs: everything that runs a pod. */
        List<JsonNode> workloads() {
            return objects.stream().filter(o -> List.of("Deployment", "StatefulSet", "Job", "DaemonSet", "CronJob")
                    .contains(o.path("kind").asText())).toList();
        }
    }

    private Manifests() {
    }

    static Path overlayDirectory(String overlay) {
        return RepositoryRoot.resolve("deploy/k8s/overlays/" + overlay);
    }

    static Rendered render(String overlay) {
        Path dir = overlayDirectory(overlay);
        Optional<String> kubectl = kubectl();
        if (kubectl.isPresent()) {
            return new Rendered(overlay, parseAll(kustomize(kubectl.get(), dir)), true);
        }
        return new Rendered(overlay, readDirectly(dir), false);
    }

    /** {@code GATEHOUSE_KUBECTL} ({@code none}: read the files directly), else {@code kubectl} on the PATH. */
    static Optional<String> kubectl() {
        String configured = System.getenv("GATEHOUSE_KUBECTL");
        if (configured != null && !configured.isBlank()) {
            return configured.equals("none") ? Optional.empty() : Optional.of(configured);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    private static String kustomize(String kubectl, Path dir) {
        try {
            Process p = new ProcessBuilder(kubectl, "kustomize", dir.toString()).redirectErrorStream(false).start();
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + dir + " did not finish");
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed (" + p.exitValue() + "): " + err);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static List<JsonNode> parseAll(String multiDocumentYaml) {
        List<JsonNode> docs = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(multiDocumentYaml)) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && doc.isObject() && doc.has("kind")) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    /** The fallback: resources and ConfigMap generator literals of a kustomization tree, without patches. */
    private static List<JsonNode> readDirectly(Path dir) {
        List<JsonNode> objects = new ArrayList<>();
        Map<String, Map<String, String>> configMaps = new LinkedHashMap<>();
        collect(dir, objects, configMaps);
        configMaps.forEach((name, data) -> {
            ObjectNode cm = YAML.createObjectNode();
            cm.put("apiVersion", "v1");
            cm.put("kind", "ConfigMap");
            cm.putObject("metadata").put("name", name);
            ObjectNode d = cm.putObject("data");
            data.forEach(d::put);
            objects.add(cm);
        });
        return objects;
    }

    private static void collect(Path dir, List<JsonNode> objects, Map<String, Map<String, String>> configMaps) {
        JsonNode kustomization;
        try {
            kustomization = YAML.readTree(dir.resolve("kustomization.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (JsonNode r : kustomization.path("resources")) {
            Path p = dir.resolve(r.asText()).normalize();
            if (Files.isDirectory(p)) {
                collect(p, objects, configMaps);
            } else {
                try {
                    objects.addAll(parseAll(Files.readString(p)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        for (JsonNode g : kustomization.path("configMapGenerator")) {
            Map<String, String> data = configMaps.computeIfAbsent(g.path("name").asText(), n -> new LinkedHashMap<>());
            if (!"merge".equals(g.path("behavior").asText("create"))) {
                data.clear();
            }
            for (JsonNode literal : g.path("literals")) {
                String text = literal.asText();
                int eq = text.indexOf('=');
                data.put(text.substring(0, eq), text.substring(eq + 1));
            }
        }
    }
}
