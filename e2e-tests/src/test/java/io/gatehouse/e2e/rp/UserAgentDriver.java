package io.gatehouse.e2e.rp;

import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Drives the authorization endpoint as a user at a browser: follows the OP's redirects, logs in on a login
 * form (the form with a password field), approves or denies on a consent form, and stops at the first
 * navigation to the relying party's redirect_uri. It reads forms generically, so it does not depend on the
 * OP's page layout beyond standard HTML.
 */
public final class UserAgentDriver {

    private static final Set<String> APPROVE_WORDS = Set.of("approve", "allow", "accept", "yes", "consent", "grant");
    private static final Set<String> DENY_WORDS = Set.of("deny", "reject", "cancel", "no", "decline");

    private final Browser browser;
    private final String username;
    private final String password;
    private boolean approveConsent = true;
    private int loginPages;
    private int consentPages;

    public UserAgentDriver(Browser browser, String username, String password) {
        this.browser = browser;
        this.username = username;
        this.password = password;
    }

    public UserAgentDriver denyConsent() {
        this.approveConsent = false;
        return this;
    }

    /** Login pages the last run went through (0 when the SSO session sufficed). */
    public int loginPages() {
        return loginPages;
    }

    public int consentPages() {
        return consentPages;
    }

    /** GET {@code authorizationEndpoint?params} and run the user's part until the RP gets a response. */
    public AuthorizationOutcome authorize(String authorizationEndpoint, Map<String, String> params, String redirectUri) {
        return run(browser.get(authorizationEndpoint + "?" + query(params)), authorizationEndpoint, redirectUri);
    }

    /** The same request sent as a POST form (OIDC Core 3.1.2.1). */
    public AuthorizationOutcome authorizeByPost(String authorizationEndpoint, Map<String, String> params, String redirectUri) {
        return run(browser.post(authorizationEndpoint, params), authorizationEndpoint, redirectUri);
    }

    private AuthorizationOutcome run(Response response, String currentUrl, String redirectUri) {
        loginPages = 0;
        consentPages = 0;
        String url = currentUrl;
        for (int step = 0; step < 20; step++) {
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                String location = URI.create(url).resolve(response.header("Location")).toString();
                if (redirectUri != null && startsWithRedirectUri(location, redirectUri)) {
                    return fromRedirect(location);
                }
                if (!isLocalOp(location)) {
                    return new AuthorizationOutcome(AuthorizationOutcome.Kind.QUERY, parse(URI.create(location).getRawQuery()), location, status, "");
                }
                url = location;
                response = browser.get(location);
                continue;
            }
            String body = response.asString();
            if (status != 200 || !String.valueOf(response.contentType()).contains("html")) {
                return new AuthorizationOutcome(AuthorizationOutcome.Kind.OP_PAGE, Map.of(), url, status, body);
            }
            Document doc = Jsoup.parse(body, url);
            Element form = doc.selectFirst("form");
            if (form == null) {
                return new AuthorizationOutcome(AuthorizationOutcome.Kind.OP_PAGE, Map.of(), url, status, body);
            }
            String action = form.absUrl("action").isEmpty() ? url : form.absUrl("action");
            Map<String, String> fields = fields(form);
            if (redirectUri != null && startsWithRedirectUri(action, redirectUri)) {
                // OAuth 2.0 Form Post Response Mode: an auto-submitting form to the redirect_uri.
                return new AuthorizationOutcome(AuthorizationOutcome.Kind.FORM_POST, fields, action, status, body);
            }
            if (form.selectFirst("input[type=password]") != null) {
                loginPages++;
                Element user = form.selectFirst("input[type=text], input[type=email], input[name=username]");
                if (user != null) {
                    fields.put(user.attr("name"), username);
                }
                fields.put(form.selectFirst("input[type=password]").attr("name"), password);
                addButton(form, fields, APPROVE_WORDS, true);
            } else {
                consentPages++;
                addButton(form, fields, approveConsent ? APPROVE_WORDS : DENY_WORDS, approveConsent);
            }
            url = action;
            response = "get".equalsIgnoreCase(form.attr("method")) ? browser.get(action + "?" + query(fields)) : browser.post(action, fields);
        }
        throw new AssertionError("authorization did not finish in 20 steps at " + url);
    }

    private static boolean startsWithRedirectUri(String location, String redirectUri) {
        return location.equals(redirectUri) || location.startsWith(redirectUri + "?") || location.startsWith(redirectUri + "#")
                || location.startsWith(redirectUri + "&");
    }

    private static boolean isLocalOp(String location) {
        String host = URI.create(location).getHost();
        return "localhost".equals(host) || "127.0.0.1".equals(host);
    }

    private static Map<String, String> fields(Element form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            String type = input.attr("type").toLowerCase(Locale.ROOT);
            if (type.equals("submit") || type.equals("button") || type.equals("image")) {
                continue;
            }
            if ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked")) {
                continue;
            }
            fields.put(input.attr("name"), input.attr("value"));
        }
        for (Element ta : form.select("textarea[name]")) {
            fields.put(ta.attr("name"), ta.text());
        }
        return fields;
    }

    /** Adds the name=value of the submit button whose label or value matches {@code words}. */
    private static void addButton(Element form, Map<String, String> fields, Set<String> words, boolean fallbackToFirst) {
        Element chosen = null;
        for (Element b : form.select("button[name], input[type=submit][name]")) {
            String label = (b.attr("value") + " " + b.text() + " " + b.attr("name")).toLowerCase(Locale.ROOT);
            if (words.stream().anyMatch(label::contains)) {
                chosen = b;
                break;
            }
        }
        if (chosen == null && fallbackToFirst) {
            chosen = form.selectFirst("button[name], input[type=submit][name]");
        }
        if (chosen != null) {
            fields.put(chosen.attr("name"), chosen.attr("value"));
        }
    }

    private static AuthorizationOutcome fromRedirect(String location) {
        URI uri = URI.create(location);
        if (uri.getRawFragment() != null && !uri.getRawFragment().isEmpty()) {
            return new AuthorizationOutcome(AuthorizationOutcome.Kind.FRAGMENT, parse(uri.getRawFragment()), location, 302, "");
        }
        return new AuthorizationOutcome(AuthorizationOutcome.Kind.QUERY, parse(uri.getRawQuery()), location, 302, "");
    }

    static Map<String, String> parse(String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }

    public static String query(Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return b.toString();
    }
}
