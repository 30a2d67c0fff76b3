package io.gatehouse.model.dpop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatehouse.model.discovery.MetadataMember;
import io.gatehouse.model.discovery.ProviderFacts;
import io.gatehouse.model.discovery.Endpoint;
import io.gatehouse.model.discovery.Service;
import io.gatehouse.model.jose.JwsAlgorithm;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** dpop_signing_alg_values_supported lists exactly what DpopProofs accepts (RFC 9449 5.1). */
class DpopDiscoveryTest {

    @Test
    void discoveryListsTheAcceptedProofAlgorithms() {
        Map<Service, String> urls = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            urls.put(s, "https://op.example");
        }
        ProviderFacts facts = new ProviderFacts("https://op.example", urls, Set.copyOf(Endpoint.served()),
                List.of(JwsAlgorithm.RS256), List.of("sub"));
        Object value = MetadataMember.DPOP_SIGNING_ALG_VALUES_SUPPORTED.value(facts).orElseThrow();
        assertEquals(DpopProofs.ALGORITHMS.stream().map(JwsAlgorithm::name).collect(Collectors.toSet()),
                Set.copyOf((Collection<?>) value));
    }
}
