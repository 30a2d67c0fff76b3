package io.gatehouse.model.discovery;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One value of a {@code *_supported} discovery member (OIDC Discovery 1.0 section 3, RFC 8414 section 2) and the
 * endpoints whose code makes it true: the value is advertised only while every one of them is served.
 */
public interface Supported {

    /** The value as the metadata spells it. */
    String value();

    /** The endpoints that must be served for the value to be true. */
    Set<Endpoint> requires();

    default boolean servedBy(Set<Endpoint> served) {
        return served.containsAll(requires());
    }

    /** The values of {@code all} that {@code served} makes true, in declaration order. */
    static List<String> advertised(Supported[] all, Set<Endpoint> served) {
        return Arrays.stream(all).filter(s -> s.servedBy(served)).map(Supported::value).toList();
    }
}
