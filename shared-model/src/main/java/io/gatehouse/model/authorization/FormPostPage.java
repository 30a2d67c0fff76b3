package io.gatehouse.model.authorization;

/**
 * OAuth 2.0 Form Post Response Mode 2: an HTML page whose form posts the response parameters to the redirect_uri
 * as hidden inputs, submitted by a script on load, with a button for user agents without scripts. Every value
 * is HTML-escaped; the script carries a nonce for the page's Content-Security-Policy.
 */
public final class FormPostPage {

    private FormPostPage() {
    }

    public static String render(AuthorizationResponse response, String scriptNonce) {
        if (response.mode() != ResponseMode.FORM_POST) {
            throw new IllegalArgumentException("not a form_post response");
        }
        StringBuilder b = new StringBuilder(1024);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Submit this form</title></head>\n")
                .append("<body>\n<form method=\"post\" action=\"").append(escape(response.redirectUri())).append("\">\n");
        response.parameters().forEach((name, value) -> b.append("<input type=\"hidden\" name=\"").append(escape(name))
                .append("\" value=\"").append(escape(value)).append("\">\n"));
        b.append("<noscript><p>Your browser does not run scripts: press the button to continue.</p>")
                .append("<button type=\"submit\">Continue</button></noscript>\n</form>\n")
                .append("<script nonce=\"").append(escape(scriptNonce)).append("\">document.forms[0].submit();</script>\n")
                .append("</body></html>\n");
        return b.toString();
    }

    /** HTML escaping for text and double-quoted attribute values. */
    public static String escape(String value) {
        StringBuilder b = new StringBuilder(value.length() + 16);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
