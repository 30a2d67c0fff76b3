package io.gatehouse.model.jose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;

/** The JSON codec of JOSE objects: strict (duplicate members rejected, RFC 7515 5.2 step 4). */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private Json() {
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static String writeString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses a JSON object; null when the bytes are not one. */
    public static Map<String, Object> readObject(byte[] json) {
        try {
            return MAPPER.readValue(json, MAP);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public static Map<String, Object> readObject(String json) {
        return json == null ? null : readObject(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
