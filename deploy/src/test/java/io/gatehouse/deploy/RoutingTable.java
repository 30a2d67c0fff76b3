package io.gatehouse.deploy;

import io.gatehouse.model.discovery.Endpoint;
import io.gatehouse.model.discovery.Service;
import java.util.Arrays;
import java.util.List;

/**
 * The ingress routing table, derived from the capability registry {@link Endpoint}: every public path goes to
 * the service that owns it, under the one issuer host. Both the Kubernetes Ingress
 * ({@code deploy/k8s/base/ingress.yaml}) and the local nginx ({@code deploy/local/nginx/gatehouse-routes.conf})
 * are rendered from here; {@link RoutingTableTest} fails when a committed file drifts from the registry and
 * rewrites both with {@code -Dgatehouse.routing.write=true}.
 *
 * <p>Every registry entry is routed, implemented or not: a route to a path its owner does not serve yet answers
 * 404 from that owner, which is harmless, and the routing then never lags behind a flag flipped in another
 * change. Paths outside the registry (notably {@code /q/health}, {@code /q/metrics}) are not routed: they stay
 * inside the cluster.
 */
public final class RoutingTable {

    /** One route: a registry path (and every sub-path below it) to its owning service. */
    public record Route(String path, Service owner) {
    }

    static final String GENERATED_NOTICE = "GENERATED from io.gatehouse.model.discovery.Endpoint by "
            + "deploy/src/test/java/io/gatehouse/deploy/RoutingTableTest: do not edit by hand.";
    static final String REGENERATE = "Regenerate: ./mvnw -B -o verify -pl deploy -am -Dtest=RoutingTableTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dgatehouse.routing.write=true";

    /** The host, TLS secret and ingress class of the base Ingress; overlays patch host and issuer together. */
    static final String BASE_HOST = "id.example.com";
    static final String TLS_SECRET = "gatehouse-tls";
    static final String INGRESS_CLASS = "nginx";

    private RoutingTable() {
    }

    /** The routes, in registry order. */
    public static List<Route> fromRegistry() {
        return Arrays.stream(Endpoint.values()).map(e -> new Route(e.path(), e.owner())).toList();
    }

    /**
     * The Kubernetes Ingress. {@code pathType: Prefix} matches the path itself and every sub-path by whole path
     * elements ({@code /device} does not match {@code /device_authorization}).
     */
    public static String ingressYaml(List<Route> routes) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(GENERATED_NOTICE).append('\n');
        b.append("# ").append(REGENERATE).append('\n');
        b.append("# Every path of the capability registry goes to its owning service under the one issuer host;\n");
        b.append("# anything else (notably /q/health and /q/metrics) is not routed and stays inside the cluster.\n");
        b.append("apiVersion: networking.k8s.io/v1\n");
        b.append("kind: Ingress\n");
        b.append("metadata:\n");
        b.append("  name: gatehouse\n");
        b.append("  labels:\n");
        b.append("    app.kubernetes.io/name: gatehouse-ingress\n");
        b.append("spec:\n");
        b.append("  ingressClassName: ").append(INGRESS_CLASS).append('\n');
        b.append("  tls:\n");
        b.append("    - hosts:\n");
        b.append("        - ").append(BASE_HOST).append('\n');
        b.append("      secretName: ").append(TLS_SECRET).append('\n');
        b.append("  rules:\n");
        b.append("    - host: ").append(BASE_HOST).append('\n');
        b.append("      http:\n");
        b.append("        paths:\n");
        for (Route r : routes) {
            b.append("          - path: ").append(r.path()).append('\n');
            b.append("            pathType: Prefix\n");
            b.append("            backend:\n");
            b.append("              service:\n");
            b.append("                name: ").append(r.owner().moduleName()).append('\n');
            b.append("                port:\n");
            b.append("                  name: http\n");
        }
        return b.toString();
    }

    /**
     * The locations of the local nginx, included by the server block that {@code io.gatehouse.launcher.LocalIngress}
     * writes; each upstream is named after its service. An exact match for the path and a prefix match for
     * {@code path/} mirror the Ingress's {@code Prefix} semantics.
     */
    public static String nginxLocations(List<Route> routes) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(GENERATED_NOTICE).append('\n');
        b.append("# ").append(REGENERATE).append('\n');
        b.append("# Included in the server block written by io.gatehouse.launcher.LocalIngress, which defines one upstream\n");
        b.append("# per service (named after it) and answers 404 to every path not listed here.\n");
        for (Route r : routes) {
            String upstream = r.owner().moduleName();
            b.append("location = ").append(r.path()).append(" { proxy_pass http://").append(upstream).append("; }\n");
            b.append("location ^~ ").append(r.path()).append("/ { proxy_pass http://").append(upstream).append("; }\n");
        }
        return b.toString();
    }
}
