package io.gatehouse.model.discovery;

import static io.gatehouse.model.discovery.Endpoint.AUTHORIZATION;

import java.util.Set;

/** Languages of the login and consent pages (OIDC Core 3.1.2.1 ui_locales), BCP 47 tags. */
public enum UiLocale implements Supported {
    EN("en"),
    DE("de"),
    SV("sv");

    private final String value;

    UiLocale(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    @Override
    public Set<Endpoint> requires() {
        return Set.of(AUTHORIZATION);
    }
}
