package io.gatehouse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gatehouse.model.discovery.Endpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed routing (Kubernetes Ingress and local nginx) is exactly what the capability registry produces,
 * and, read back independently of the generator, sends every registry path to the service that owns it.
 * With {@code -Dgatehouse.routing.write=true} the files are rewritten instead (after adding an endpoint).
 */
class RoutingTableTest {

    static final Path INGRESS = Path.of("deploy/k8s/base/ingress.yaml");
    static final Path NGINX = Path.of("deploy/local/nginx/gatehouse-routes.conf");

    /** {@code -Dgatehouse.routing.write=true}: rewrite both files from the registry before the checks. */
    @BeforeAll
    static void writeWhenAsked() throws IOException {
        if (Boolean.getBoolean("gatehouse.routing.write")) {
            write(INGRESS, RoutingTable.ingressYaml(RoutingTable.fromRegistry()));
            write(NGINX, RoutingTable.nginxLocations(RoutingTable.fromRegistry()));
        }
    }

    @Test
    void committedIngressIsTheOneGeneratedFromTheRegistry() throws IOException {
        assertCommitted(INGRESS, RoutingTable.ingressYaml(RoutingTable.fromRegistry()));
    }

    @Test
    void committedNginxRoutesAreTheOnesGeneratedFromTheRegistry() throws IOException {
        assertCommitted(NGINX, RoutingTable.nginxLocations(RoutingTable.fromRegistry()));
    }

    @Test
    void ingressRoutesEveryRegistryPathToItsOwner() throws IOException {
        JsonNode ingress = new ObjectMapper(new YAMLFactory()).readTree(RepositoryRoot.resolve(INGRESS.toString()).toFile());
        Map<String, String> backends = new HashMap<>();
        for (JsonNode p : ingress.at("/spec/rules/0/http/paths")) {
            assertEquals("Prefix", p.path("pathType").asText(), p.toString());
            assertEquals("http", p.at("/backend/service/port/name").asText(), p.toString());
            backends.put(p.path("path").asText(), p.at("/backend/service/name").asText());
        }
        for (Endpoint e : Endpoint.values()) {
            assertEquals(e.owner().moduleName(), backends.get(e.path()), e + " (" + e.path() + ") in " + INGRESS);
        }
        assertEquals(Endpoint.values().length, backends.size(), "routes outside the registry in " + INGRESS);
    }

    @Test
    void nginxRoutesEveryRegistryPathAndItsSubPathsToItsOwner() throws IOException {
        String conf = Files.readString(RepositoryRoot.resolve(NGINX.toString()));
        Matcher m = Pattern.compile("location (=|\\^~) (\\S+) \\{ proxy_pass http://([a-z-]+); }").matcher(conf);
        Map<String, String> exact = new HashMap<>();
        Map<String, String> prefix = new HashMap<>();
        while (m.find()) {
            (m.group(1).equals("=") ? exact : prefix).put(m.group(2), m.group(3));
        }
        for (Endpoint e : Endpoint.values()) {
            assertEquals(e.owner().moduleName(), exact.get(e.path()), e + " exact in " + NGINX);
            assertEquals(e.owner().moduleName(), prefix.get(e.path() + "/"), e + " sub-paths in " + NGINX);
        }
        assertEquals(Endpoint.values().length, exact.size(), "routes outside the registry in " + NGINX);
    }

    @Test
    void everyImplementedEndpointHasARoute() {
        Set<String> routed = new HashSet<>();
        RoutingTable.fromRegistry().forEach(r -> routed.add(r.path() + " -> " + r.owner().moduleName()));
        for (Endpoint e : Endpoint.served()) {
            assertTrue(routed.contains(e.path() + " -> " + e.owner().moduleName()), e.toString());
        }
    }

    @Test
    void noPathHasTwoOwners() {
        Map<String, String> owners = new HashMap<>();
        for (RoutingTable.Route r : RoutingTable.fromRegistry()) {
            String previous = owners.put(r.path(), r.owner().moduleName());
            assertTrue(previous == null || previous.equals(r.owner().moduleName()), r.path() + " owned twice");
            assertTrue(r.path().startsWith("/") && !r.path().endsWith("/") && !r.path().contains(" "), r.path());
        }
    }

    private static void assertCommitted(Path relative, String generated) throws IOException {
        Path file = RepositoryRoot.resolve(relative.toString());
        String committed = Files.isRegularFile(file) ? Files.readString(file) : "";
        assertEquals(generated, committed, relative + " drifted from the capability registry (Endpoint). "
                + RoutingTable.REGENERATE);
    }

    private static void write(Path relative, String generated) throws IOException {
        Path file = RepositoryRoot.resolve(relative.toString());
        Files.createDirectories(file.getParent());
        Files.writeString(file, generated);
    }
}
