package io.gatehouse.authorize;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A browser as the authorization endpoint sees it: one cookie jar, redirects followed by hand, forms read from the
 * HTML and posted as application/x-www-form-urlencoded.
 */
final class TestBrowser {

    final Map<String, String> cookies = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    final Map<String, io.restassured.http.Cookie> detailed = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

    Response get(String url) {
        return remember(spec().get(absolute(url)));
    }

    Response post(String url, Map<String, String> form) {
        return remember(spec().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .body(query(form)).post(absolute(url)));
    }

    Response authorize(Map<String, String> params) {
        return get("/authorize?" + query(params));
    }

    void forget(String cookie) {
        cookies.remove(cookie);
    }

    /** Follows redirects that stay at the authorization server; stops at a page or a redirect elsewhere. */
    Response follow(Response r) {
        for (int i = 0; i < 10 && isRedirect(r) && isLocal(r.header("Location")); i++) {
            r = get(r.header("Location"));
        }
        return r;
    }

    static boolean isRedirect(Response r) {
        return r.statusCode() >= 300 && r.statusCode() < 400;
    }

    static boolean isLocal(String location) {
        return location != null && (location.startsWith("/") || location.startsWith(RestAssured.baseURI + ":" + RestAssured.port));
    }

    /** The first form of the page: action and fields (hidden and text inputs with their values). */
    static Form form(Response page) {
        Document doc = Jsoup.parse(page.asString());
        Element form = doc.selectFirst("form");
        if (form == null) {
            throw new AssertionError("no form on the page: " + page.asString());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            fields.put(input.attr("name"), input.attr("value"));
        }
        return new Form(form.attr("action"), form.attr("method"), fields, doc);
    }

    record Form(String action, String method, Map<String, String> fields, Document document) {
        Form with(String name, String value) {
            Map<String, String> f = new LinkedHashMap<>(fields);
            f.put(name, value);
            return new Form(action, method, f, document);
        }
    }

    Response submit(Form form) {
        return post(form.action(), form.fields());
    }

    /** The parameters of a redirect to the client: from the fragment if it has one, else from the query. */
    static Map<String, String> callback(Response r) {
        String location = r.header("Location");
        if (location == null) {
            throw new AssertionError("not a redirect (" + r.statusCode() + "): " + r.asString());
        }
        URI uri = URI.create(location);
        return parse(uri.getRawFragment() != null ? uri.getRawFragment() : uri.getRawQuery());
    }

    static Map<String, String> parse(String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    static String query(Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return b.toString();
    }

    private String absolute(String url) {
        return url.startsWith("http") ? url : RestAssured.baseURI + ":" + RestAssured.port + url;
    }

    private RequestSpecification spec() {
        RequestSpecification spec = given().redirects().follow(false).urlEncodingEnabled(false);
        if (!cookies.isEmpty()) {
            spec = spec.cookies(Map.copyOf(cookies));
        }
        return spec;
    }

    private Response remember(Response response) {
        for (Cookie c : response.getDetailedCookies()) {
            detailed.put(c.getName(), c);
            if (c.getValue() == null || c.getValue().isEmpty() || (c.hasMaxAge() && c.getMaxAge() <= 0)) {
                cookies.remove(c.getName());
            } else {
                cookies.put(c.getName(), c.getValue());
            }
        }
        return response;
    }
}
