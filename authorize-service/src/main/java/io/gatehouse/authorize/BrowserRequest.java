package io.gatehouse.authorize;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;

/** What the pages read of the browser's request: cookies, preferred languages, source address. */
public final class BrowserRequest {

    private BrowserRequest() {
    }

    public static String cookie(HttpHeaders headers, String name) {
        Cookie c = headers.getCookies().get(name);
        return c == null || c.getValue() == null || c.getValue().isEmpty() ? null : c.getValue();
    }

    public static PageTexts texts(HttpHeaders headers, List<String> uiLocales) {
        List<java.util.Locale> accept;
        try {
            accept = headers.getAcceptableLanguages();
        } catch (RuntimeException e) {
            accept = List.of();
        }
        return PageTexts.choose(uiLocales, accept);
    }

    /** The client's address as the HTTP layer sees it (behind a proxy: when forwarding headers are trusted). */
    public static String address(HttpServerRequest request) {
        return request == null || request.remoteAddress() == null ? "unknown" : request.remoteAddress().host();
    }
}
