package io.gatehouse.model.error;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The one reader of {@code application/x-www-form-urlencoded} bodies into a {@code MultivaluedMap} for every
 * service. RFC 6749 Appendix B: UTF-8, whatever the Content-Type's parameters say (a malformed or unknown
 * {@code charset} does not make the request a server error). Empty sequences ({@code &&}) are skipped and a pair
 * with an empty name ({@code =x}) is dropped, as the URL Standard's form parser does; a pair without {@code =} is
 * a name with an empty value. Invalid percent-encoding is {@code invalid_request}. Bodies are bounded by the
 * HTTP layer's limit before they get here.
 */
@Provider
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class FormBodyReader implements MessageBodyReader<MultivaluedMap<String, String>> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        if (!MultivaluedMap.class.equals(type)) {
            return false;
        }
        if (genericType instanceof ParameterizedType p) {
            Type[] args = p.getActualTypeArguments();
            return args.length == 2 && String.class.equals(args[0]) && String.class.equals(args[1]);
        }
        return true;
    }

    @Override
    public MultivaluedMap<String, String> readFrom(Class<MultivaluedMap<String, String>> type, Type genericType,
            Annotation[] annotations, MediaType mediaType, MultivaluedMap<String, String> httpHeaders, InputStream entity)
            throws IOException {
        byte[] body;
        try {
            body = entity.readAllBytes();
        } catch (IOException e) {
            // The client closed or broke the connection mid-body (RequestFraming answers broken framing): not a server error.
            throw new OAuthException(OAuthError.invalidRequest("the request body could not be read"));
        }
        return parse(new String(body, StandardCharsets.UTF_8));
    }

    /** Parses a form body; pure, so the rules have unit tests of their own. */
    public static MultivaluedMap<String, String> parse(String body) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!name.isEmpty()) {
                form.add(name, value);
            }
        }
        return form;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // RFC 6749 3.1, 3.2: the body is not valid application/x-www-form-urlencoded.
            throw new OAuthException(OAuthError.invalidRequest("the request is not validly percent-encoded"));
        }
    }
}
