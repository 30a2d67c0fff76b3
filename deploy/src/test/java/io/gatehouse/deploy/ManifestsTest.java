package io.gatehouse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.model.discovery.Endpoint;
import io.gatehouse.model.discovery.Service;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rendered overlays ({@code kubectl kustomize deploy/k8s/overlays/dev} and {@code .../prod}) hold what the
 * deployment promises: every service with its Service, autoscaler and disruption budget, Quarkus health probes,
 * resources, locked-down pods, migrations in one Job, secrets by reference only, one issuer host that the Ingress
 * serves with TLS and routes to every registry endpoint's owner, and NetworkPolicies that admit only the ingress
 * controller to the services and only the services and the Job to PostgreSQL.
 */
class ManifestsTest {

    private static final Map<String, Manifests.Rendered> RENDERED = new ConcurrentHashMap<>();
    private static final String SECRET = "gatehouse-secrets";
    private static final Set<String> DB_KEYS = Set.of("GATEHOUSE_DB_URL", "GATEHOUSE_DB_USER", "GATEHOUSE_DB_PASSWORD");
    private static final String KEK = "GATEHOUSE_KEYS_ENCRYPTION_KEY";

    private static Manifests.Rendered overlay(String name) {
        return RENDERED.computeIfAbsent(name, Manifests::render);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasItsDeploymentServiceAutoscalerAndDisruptionBudget(String name) throws IOException {
        Manifests.Rendered r = overlay(name);
        for (Service s : Service.values()) {
            String svc = s.moduleName();
            JsonNode deployment = r.get("Deployment", svc);
            Map<String, String> podLabels = labels(deployment.at("/spec/template/metadata/labels"));
            assertTrue(selects(deployment.at("/spec/selector/matchLabels"), podLabels), svc + " selector");

            JsonNode container = onlyContainer(deployment);
            int port = container.at("/ports/0/containerPort").asInt();
            assertEquals("http", container.at("/ports/0/name").asText(), svc);
            assertEquals(applicationPort(svc), port, svc + ": containerPort is not the port of application.properties");

            JsonNode service = r.get("Service", svc);
            assertTrue(selects(service.at("/spec/selector"), podLabels), svc + ": Service selects no pod");
            assertEquals("http", service.at("/spec/ports/0/name").asText(), svc);
            assertEquals("http", service.at("/spec/ports/0/targetPort").asText(), svc);

            JsonNode hpa = r.get("HorizontalPodAutoscaler", svc);
            assertEquals("Deployment", hpa.at("/spec/scaleTargetRef/kind").asText(), svc);
            assertEquals(svc, hpa.at("/spec/scaleTargetRef/name").asText(), svc);
            assertTrue(hpa.at("/spec/maxReplicas").asInt() >= hpa.at("/spec/minReplicas").asInt(1), svc);
            assertTrue(deployment.at("/spec/replicas").isMissingNode(),
                    svc + ": replicas belong to the autoscaler, an apply must not reset them");

            JsonNode pdb = r.get("PodDisruptionBudget", svc);
            assertTrue(selects(pdb.at("/spec/selector/matchLabels"), podLabels), svc + ": PDB selects no pod");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDeploymentProbesTheQuarkusHealthEndpoints(String name) {
        for (JsonNode deployment : overlay(name).ofKind("Deployment")) {
            JsonNode c = onlyContainer(deployment);
            String what = name + " " + deployment.at("/metadata/name").asText();
            assertEquals("/q/health/ready", c.at("/readinessProbe/httpGet/path").asText(), what);
            assertEquals("/q/health/live", c.at("/livenessProbe/httpGet/path").asText(), what);
            assertTrue(c.at("/startupProbe/httpGet/path").asText().startsWith("/q/health/"), what);
            for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                assertEquals("http", c.at("/" + probe + "/httpGet/port").asText(), what + " " + probe);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerHasResourceRequestsAndLimits(String name) {
        for (JsonNode workload : overlay(name).workloads()) {
            for (JsonNode c : podSpec(workload).path("containers")) {
                String what = name + " " + workload.at("/metadata/name").asText() + "/" + c.path("name").asText();
                for (String path : List.of("/resources/requests/cpu", "/resources/requests/memory",
                        "/resources/limits/cpu", "/resources/limits/memory")) {
                    assertFalse(c.at(path).asText().isBlank(), what + " " + path);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyPodRunsLockedDown(String name) {
        for (JsonNode workload : overlay(name).workloads()) {
            JsonNode pod = podSpec(workload);
            String w = name + " " + workload.at("/metadata/name").asText();
            assertFalse(pod.path("automountServiceAccountToken").asBoolean(true), w + ": service account token mounted");
            for (JsonNode c : pod.path("containers")) {
                String what = w + "/" + c.path("name").asText();
                JsonNode sc = c.path("securityContext");
                JsonNode psc = pod.path("securityContext");
                assertTrue(sc.path("runAsNonRoot").asBoolean(false) || psc.path("runAsNonRoot").asBoolean(false), what + " runAsNonRoot");
                assertTrue(sc.path("readOnlyRootFilesystem").asBoolean(false), what + " readOnlyRootFilesystem");
                assertFalse(sc.path("allowPrivilegeEscalation").asBoolean(true), what + " allowPrivilegeEscalation");
                assertEquals("[\"ALL\"]", sc.at("/capabilities/drop").toString(), what + " capabilities.drop");
                String seccomp = sc.at("/seccompProfile/type").asText(psc.at("/seccompProfile/type").asText());
                assertEquals("RuntimeDefault", seccomp, what + " seccomp");
                assertTrue(tmpIsEmptyDir(pod, c), what + ": /tmp must be a writable emptyDir under a read-only root");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void servicesLeaveMigrationsToOneJobPerRelease(String name) {
        Manifests.Rendered r = overlay(name);
        for (Service s : Service.values()) {
            Map<String, String> env = environment(r, onlyContainer(r.get("Deployment", s.moduleName())));
            String what = name + " " + s.moduleName();
            assertEquals("false", env.get("GATEHOUSE_MIGRATE_AT_START"), what);
            assertEquals("true", env.get("QUARKUS_FLYWAY_VALIDATE_AT_START"), what + ": must refuse a schema without its migrations");
            assertEquals("*:future", env.get("QUARKUS_FLYWAY_IGNORE_MIGRATION_PATTERNS"),
                    what + ": must accept the next release's expanding migrations");
            assertFalse(env.containsKey("QUARKUS_INIT_AND_EXIT"), what);
        }
        List<JsonNode> jobs = r.ofKind("Job");
        assertEquals(1, jobs.size(), name + ": one migration Job");
        JsonNode job = jobs.get(0);
        JsonNode c = onlyContainer(job);
        Map<String, String> env = environment(r, c);
        assertEquals("true", env.get("GATEHOUSE_MIGRATE_AT_START"), name + " Job");
        assertEquals("true", env.get("QUARKUS_INIT_AND_EXIT"), name + " Job must exit after migrating");
        assertEquals("false", env.get("QUARKUS_FLYWAY_VALIDATE_AT_START"), name + " Job validates inside migrate");
        assertEquals("*:future", env.get("QUARKUS_FLYWAY_IGNORE_MIGRATION_PATTERNS"),
                name + " Job of an older release must succeed against a newer schema");
        assertEquals("Never", podSpec(job).path("restartPolicy").asText(), name + " Job");
        Set<String> serviceImages = new HashSet<>();
        for (Service s : Service.values()) {
            serviceImages.add(onlyContainer(r.get("Deployment", s.moduleName())).path("image").asText());
        }
        assertTrue(serviceImages.contains(c.path("image").asText()), name + ": the Job runs a service image of the release");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void secretsAreReferencedAndNeverCommitted(String name) {
        Manifests.Rendered r = overlay(name);
        assertTrue(r.ofKind("Secret").isEmpty(), name + ": a Secret object is rendered; secrets are created out of band");
        for (JsonNode workload : r.workloads()) {
            for (JsonNode c : podSpec(workload).path("containers")) {
                for (JsonNode e : c.path("env")) {
                    assertFalse(e.path("name").asText().matches(".*(PASSWORD|_KEY|SECRET)$") && e.has("value"),
                            name + " " + e.path("name").asText() + " has a literal value");
                    if (e.has("valueFrom") && e.at("/valueFrom/secretKeyRef").isObject()) {
                        assertEquals(SECRET, e.at("/valueFrom/secretKeyRef/name").asText(), name + " " + e);
                    }
                }
            }
        }
        for (Service s : Service.values()) {
            Map<String, String> env = environment(r, onlyContainer(r.get("Deployment", s.moduleName())));
            for (String key : union(DB_KEYS, Set.of(KEK))) {
                assertEquals("secret:" + SECRET + "/" + key, env.get(key), name + " " + s.moduleName() + " " + key);
            }
        }
        Map<String, String> jobEnv = environment(r, onlyContainer(r.ofKind("Job").get(0)));
        for (String key : DB_KEYS) {
            assertEquals("secret:" + SECRET + "/" + key, jobEnv.get(key), name + " Job " + key);
        }
        assertFalse(jobEnv.containsKey(KEK), name + ": the migration Job needs no key-encryption key");
        for (JsonNode cm : r.ofKind("ConfigMap")) {
            cm.path("data").fieldNames().forEachRemaining(k -> assertFalse(k.matches(".*(PASSWORD|ENCRYPTION_KEY|SECRET).*"),
                    name + ": " + k + " in a ConfigMap"));
        }
    }

    @Test
    void secretExampleNamesExactlyTheReferencedKeysWithPlaceholderValues() throws IOException {
        JsonNode example = Manifests.parseAll(Files.readString(RepositoryRoot.resolve("deploy/k8s/secret.example.yaml"))).get(0);
        assertEquals(SECRET, example.at("/metadata/name").asText());
        Set<String> keys = new HashSet<>();
        example.path("stringData").fieldNames().forEachRemaining(keys::add);
        assertEquals(union(DB_KEYS, Set.of(KEK)), keys);
        assertTrue(example.at("/stringData/GATEHOUSE_DB_PASSWORD").asText().startsWith("REPLACE-ME"));
        assertTrue(example.at("/stringData/" + KEK).asText().startsWith("REPLACE-ME"));
        for (String overlay : List.of("dev", "prod")) {
            String kustomization = Files.readString(Manifests.overlayDirectory(overlay).resolve("kustomization.yaml"));
            assertFalse(kustomization.contains("secret.example"), overlay + " applies the example Secret");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void issuerAndEveryPublicUrlAreTheOneIngressHostWithTls(String name) {
        Manifests.Rendered r = overlay(name);
        List<JsonNode> ingresses = r.ofKind("Ingress");
        assertEquals(1, ingresses.size(), name);
        JsonNode ingress = ingresses.get(0);
        assertEquals(1, ingress.at("/spec/rules").size(), name + ": one host");
        String host = ingress.at("/spec/rules/0/host").asText();
        assertTrue(ingress.at("/spec/tls/0/hosts").toString().contains("\"" + host + "\""), name + ": TLS for " + host);
        assertFalse(ingress.at("/spec/tls/0/secretName").asText().isBlank(), name);
        if (r.byKustomize()) {
            for (Service s : Service.values()) {
                Map<String, String> env = environment(r, onlyContainer(r.get("Deployment", s.moduleName())));
                String what = name + " " + s.moduleName();
                assertEquals("https://" + host, env.get("GATEHOUSE_ISSUER"), what);
                for (String url : List.of("AUTHORIZE", "TOKEN", "USERINFO", "DISCOVERY")) {
                    assertEquals("https://" + host, env.get("GATEHOUSE_URLS_" + url), what + " GATEHOUSE_URLS_" + url);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void ingressRoutesEveryRegistryEndpointToTheServiceThatOwnsIt(String name) {
        Manifests.Rendered r = overlay(name);
        JsonNode ingress = r.ofKind("Ingress").get(0);
        Map<String, String> backend = new HashMap<>();
        for (JsonNode p : ingress.at("/spec/rules/0/http/paths")) {
            backend.put(p.path("path").asText(), p.at("/backend/service/name").asText());
            JsonNode service = r.get("Service", p.at("/backend/service/name").asText());
            assertEquals(p.at("/backend/service/port/name").asText(), service.at("/spec/ports/0/name").asText(), name + " " + p);
        }
        for (Endpoint e : Endpoint.values()) {
            assertEquals(e.owner().moduleName(), backend.get(e.path()), name + ": " + e + " " + e.path());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyTheIngressControllerReachesTheServices(String name) {
        Manifests.Rendered r = overlay(name);
        for (Service s : Service.values()) {
            Map<String, String> pod = labels(r.get("Deployment", s.moduleName()).at("/spec/template/metadata/labels"));
            List<JsonNode> policies = r.ofKind("NetworkPolicy").stream()
                    .filter(p -> selects(p.at("/spec/podSelector/matchLabels"), pod)).toList();
            assertTrue(policies.stream().anyMatch(p -> p.at("/spec/ingress").isMissingNode()
                    && p.at("/spec/policyTypes").toString().contains("Ingress")), name + " " + s + ": no default deny");
            int admitting = 0;
            for (JsonNode policy : policies) {
                for (JsonNode rule : policy.at("/spec/ingress")) {
                    admitting++;
                    for (JsonNode peer : rule.path("from")) {
                        assertEquals("ingress-nginx", peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText(),
                                name + " " + s + ": " + policy.at("/metadata/name").asText() + " admits " + peer);
                        assertFalse(peer.has("ipBlock"), name + " " + peer);
                    }
                    assertTrue(rule.path("from").size() > 0, name + ": a rule without 'from' admits everyone");
                }
            }
            assertTrue(admitting > 0, name + " " + s + ": nothing admits the ingress controller");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyServicesAndTheMigrationJobAreDatabaseClients(String name) {
        Manifests.Rendered r = overlay(name);
        for (JsonNode workload : r.workloads()) {
            Map<String, String> pod = labels(workload.at("/spec/template/metadata/labels"));
            boolean client = "true".equals(pod.get("gatehouse.io/database-client"));
            String component = pod.get("app.kubernetes.io/component");
            assertEquals(Set.of("oidc-service", "migration").contains(component), client,
                    name + " " + workload.at("/metadata/name").asText() + " database-client label");
        }
        for (JsonNode db : r.ofKind("StatefulSet")) {
            Map<String, String> pod = labels(db.at("/spec/template/metadata/labels"));
            List<JsonNode> policies = r.ofKind("NetworkPolicy").stream()
                    .filter(p -> selects(p.at("/spec/podSelector/matchLabels"), pod)).toList();
            int admitting = 0;
            for (JsonNode policy : policies) {
                for (JsonNode rule : policy.at("/spec/ingress")) {
                    admitting++;
                    assertTrue(rule.path("from").size() > 0, name + ": PostgreSQL open to everyone");
                    for (JsonNode peer : rule.path("from")) {
                        assertEquals("{\"gatehouse.io/database-client\":\"true\"}", peer.at("/podSelector/matchLabels").toString(),
                                name + ": PostgreSQL admits " + peer);
                        assertFalse(peer.has("namespaceSelector") || peer.has("ipBlock"), name + ": PostgreSQL admits " + peer);
                    }
                }
            }
            assertTrue(admitting > 0, name + ": no policy admits the services to PostgreSQL");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev"})
    void devRunsOneReplicaEachBesideItsOwnPostgres(String name) {
        Manifests.Rendered r = overlay(name);
        JsonNode postgres = r.get("StatefulSet", "postgres");
        assertEquals(1, postgres.at("/spec/replicas").asInt(), name);
        assertEquals("data", postgres.at("/spec/volumeClaimTemplates/0/metadata/name").asText(), name + ": persistent volume");
        assertNotNull(r.get("Service", "postgres"));
        assumeTrue(r.byKustomize(), "replica bounds are patches: kubectl is needed to render them");
        for (JsonNode hpa : r.ofKind("HorizontalPodAutoscaler")) {
            assertEquals(1, hpa.at("/spec/minReplicas").asInt(), name + " " + hpa.at("/metadata/name").asText());
            assertEquals(1, hpa.at("/spec/maxReplicas").asInt(), name + " " + hpa.at("/metadata/name").asText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod"})
    void prodRunsAtLeastTwoReplicasEachOnAnExternalDatabase(String name) {
        Manifests.Rendered r = overlay(name);
        assertTrue(r.ofKind("StatefulSet").isEmpty(), name + ": PostgreSQL is external in production");
        assumeTrue(r.byKustomize(), "replica bounds are patches: kubectl is needed to render them");
        for (Service s : Service.values()) {
            JsonNode hpa = r.get("HorizontalPodAutoscaler", s.moduleName());
            assertTrue(hpa.at("/spec/minReplicas").asInt() >= 2, name + " " + s);
            assertTrue(hpa.at("/spec/maxReplicas").asInt() > hpa.at("/spec/minReplicas").asInt(), name + " " + s);
            String image = onlyContainer(r.get("Deployment", s.moduleName())).path("image").asText();
            assertTrue(image.matches(".+/" + s.moduleName() + ":\\d+\\.\\d+\\.\\d+.*"),
                    name + ": " + image + " is not a release tag of " + s.moduleName());
        }
    }

    // ---------------------------------------------------------------- reading the objects

    private static JsonNode podSpec(JsonNode workload) {
        if ("CronJob".equals(workload.path("kind").asText())) {
            return workload.at("/spec/jobTemplate/spec/template/spec");
        }
        return workload.at("/spec/template/spec");
    }

    private static JsonNode onlyContainer(JsonNode workload) {
        JsonNode containers = podSpec(workload).path("containers");
        assertEquals(1, containers.size(), workload.at("/metadata/name").asText());
        return containers.get(0);
    }

    /** Effective environment: ConfigMap values through envFrom, then env; secret references as secret:name/key. */
    private static Map<String, String> environment(Manifests.Rendered r, JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            String cm = from.at("/configMapRef/name").asText();
            if (!cm.isEmpty()) {
                r.get("ConfigMap", cm).path("data").fields().forEachRemaining(f -> env.put(f.getKey(), f.getValue().asText()));
            }
        }
        for (JsonNode e : container.path("env")) {
            JsonNode ref = e.at("/valueFrom/secretKeyRef");
            env.put(e.path("name").asText(), ref.isObject()
                    ? "secret:" + ref.path("name").asText() + "/" + ref.path("key").asText()
                    : e.path("value").asText());
        }
        return env;
    }

    private static boolean tmpIsEmptyDir(JsonNode pod, JsonNode container) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if ("/tmp".equals(mount.path("mountPath").asText())) {
                for (JsonNode v : pod.path("volumes")) {
                    if (v.path("name").asText().equals(mount.path("name").asText())) {
                        return v.has("emptyDir");
                    }
                }
            }
        }
        return false;
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new HashMap<>();
        node.fields().forEachRemaining(f -> labels.put(f.getKey(), f.getValue().asText()));
        return labels;
    }

    /** A matchLabels selector (non-empty) selects a pod when every pair is among the pod's labels. */
    private static boolean selects(JsonNode matchLabels, Map<String, String> podLabels) {
        if (!matchLabels.isObject() || matchLabels.isEmpty()) {
            return false;
        }
        Map<String, String> wanted = labels(matchLabels);
        return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(podLabels.get(e.getKey())));
    }

    private static int applicationPort(String service) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(RepositoryRoot.resolve(service + "/src/main/resources/application.properties"))) {
            p.load(in);
        }
        return Integer.parseInt(p.getProperty("quarkus.http.port"));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return u;
    }
}
