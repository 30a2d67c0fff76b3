package io.gatehouse.model.discovery;

import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.jose.JwsAlgorithm;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the discovery document is generated from: the issuer, each service's public base URL, the endpoints the
 * code serves, the algorithms Gatehouse signs with and the claims it can release.
 *
 * @param signingAlgorithms normalised to RS256 first (OIDC Core 15.1 makes it mandatory), then the configured
 *                          order without repetition
 * @param clientAuthMethods the client authentication methods with a registered authenticator and the JWS algorithms
 *                          of each one's assertions (empty for methods without one), in {@link ClientAuthMethod} order
 */
public record ProviderFacts(String issuer, Map<Service, String> publicUrls, Set<Endpoint> served,
                            List<JwsAlgorithm> signingAlgorithms, List<String> claims,
                            Map<String, List<String>> clientAuthMethods) {

    public ProviderFacts {
        publicUrls = Map.copyOf(publicUrls);
        served = Set.copyOf(served);
        signingAlgorithms = signingOrder(signingAlgorithms);
        claims = List.copyOf(claims);
        clientAuthMethods = ordered(clientAuthMethods);
    }

    /** With the client authentication methods of {@link ClientAuthMethod} (tests of the pure document). */
    public ProviderFacts(String issuer, Map<Service, String> publicUrls, Set<Endpoint> served,
                         List<JwsAlgorithm> signingAlgorithms, List<String> claims) {
        this(issuer, publicUrls, served, signingAlgorithms, claims, ClientAuthMethod.shipped());
    }

    /** The facts of this build: the endpoints flagged implemented in the registry. */
    public static ProviderFacts of(GatehouseConfig config, List<JwsAlgorithm> algorithms, Iterable<String> claims) {
        return of(config, algorithms, claims, ClientAuthMethod.shipped());
    }

    /**
     * The facts of this build, with the client authentication methods the running code registers (the
     * {@code ClientAuthenticator} beans), so discovery never advertises a method or algorithm that would fail.
     */
    public static ProviderFacts of(GatehouseConfig config, List<JwsAlgorithm> algorithms, Iterable<String> claims,
                                   Map<String, List<String>> clientAuthMethods) {
        List<String> claimList = new ArrayList<>();
        claims.forEach(claimList::add);
        return new ProviderFacts(config.issuer(), publicUrls(config.urls()), Set.copyOf(Endpoint.served()), algorithms,
                claimList, clientAuthMethods);
    }

    /** {@code methods} in ClientAuthMethod order, then any other by name; each list copied. */
    private static Map<String, List<String>> ordered(Map<String, List<String>> methods) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        methods.keySet().stream().sorted(java.util.Comparator
                        .comparing((String m) -> ClientAuthMethod.fromValue(m).map(Enum::ordinal).orElse(Integer.MAX_VALUE))
                        .thenComparing(m -> m))
                .forEach(m -> out.put(m, List.copyOf(methods.get(m))));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The public base URL of every service (locally one per service, behind an ingress all the issuer). */
    public static Map<Service, String> publicUrls(GatehouseConfig.PublicUrls urls) {
        Map<Service, String> map = new EnumMap<>(Service.class);
        map.put(Service.AUTHORIZE, urls.authorize());
        map.put(Service.TOKEN, urls.token());
        map.put(Service.USERINFO, urls.userinfo());
        map.put(Service.DISCOVERY, urls.discovery());
        return map;
    }

    /** RS256 first, then {@code configured} in order, each once. */
    public static List<JwsAlgorithm> signingOrder(List<JwsAlgorithm> configured) {
        Set<JwsAlgorithm> ordered = new LinkedHashSet<>();
        ordered.add(JwsAlgorithm.RS256);
        ordered.addAll(configured);
        return List.copyOf(ordered);
    }

    /** The absolute URL of {@code endpoint} at its owner's public base URL. */
    public String url(Endpoint endpoint) {
        return url(publicUrls, endpoint);
    }

    /** The absolute URL of {@code endpoint} at its owner's base URL in {@code publicUrls}. */
    public static String url(Map<Service, String> publicUrls, Endpoint endpoint) {
        String base = publicUrls.get(endpoint.owner());
        if (base == null) {
            throw new IllegalStateException("no public URL for " + endpoint.owner().moduleName());
        }
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + endpoint.path();
    }

    public boolean serves(Endpoint endpoint) {
        return served.contains(endpoint);
    }

    /** Names of the signing algorithms, in order. */
    public List<String> signingAlgorithmNames() {
        return signingAlgorithms.stream().map(JwsAlgorithm::name).toList();
    }
}
