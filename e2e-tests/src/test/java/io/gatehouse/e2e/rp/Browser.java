package io.gatehouse.e2e.rp;

import static io.restassured.RestAssured.given;

import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A browser as far as an OP can tell: one cookie jar (cookies on localhost are shared across ports, as in a
 * real browser), redirects followed by hand, forms posted as application/x-www-form-urlencoded.
 */
public final class Browser {

    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    /** Sends {@code name: value} with every request from now on (e.g. a W3C traceparent). */
    public Browser header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Response get(String url) {
        return remember(spec().get(URI.create(url)));
    }

    public Response post(String url, Map<String, String> form) {
        return remember(spec().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .body(UserAgentDriver.query(form)).post(URI.create(url)));
    }

    public Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    /** Forgets every cookie: a fresh browser (as for prompt=none-not-logged-in). */
    public void clear() {
        cookies.clear();
    }

    private RequestSpecification spec() {
        RequestSpecification spec = given().redirects().follow(false).urlEncodingEnabled(false);
        if (!cookies.isEmpty()) {
            spec = spec.cookies(cookies);
        }
        if (!headers.isEmpty()) {
            spec = spec.headers(headers);
        }
        return spec;
    }

    private Response remember(Response response) {
        for (Cookie c : response.getDetailedCookies()) {
            if (c.getValue() == null || c.getValue().isEmpty() || (c.hasMaxAge() && c.getMaxAge() <= 0)) {
                cookies.remove(c.getName());
            } else {
                cookies.put(c.getName(), c.getValue());
            }
        }
        return response;
    }
}
