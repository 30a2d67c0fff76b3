package io.gatehouse.e2e.ingress;

import io.gatehouse.launcher.LocalIngress;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Records, for every request rest-assured sends (the relying party's and the browser's alike), which replica the
 * ingress chose ({@link LocalIngress#UPSTREAM_HEADER}) and where the response redirected to.
 */
final class UpstreamRecorder implements Filter {

    /** One exchange through the ingress. */
    record Exchange(String method, String uri, int status, String upstream, String location) {
    }

    private final List<Exchange> exchanges = new ArrayList<>();

    @Override
    public synchronized Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                                        FilterContext ctx) {
        Response r = ctx.next(request, response);
        exchanges.add(new Exchange(request.getMethod(), request.getURI(), r.statusCode(),
                r.header(LocalIngress.UPSTREAM_HEADER), r.header("Location")));
        return r;
    }

    /** The exchange whose redirect carried {@code code} to the relying party: the replica that issued the code. */
    synchronized Optional<Exchange> issuerOfCode(String code) {
        return exchanges.stream().filter(e -> e.location() != null && e.location().contains("code=" + code)).findFirst();
    }

    synchronized List<Exchange> all() {
        return List.copyOf(exchanges);
    }
}
