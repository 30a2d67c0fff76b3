package io.gatehouse.model.discovery;

/** The four Gatehouse services (DESIGN.md "Services"): each public path has exactly one owner. */
public enum Service {
    AUTHORIZE("authorize-service"),
    TOKEN("token-service"),
    USERINFO("userinfo-service"),
    DISCOVERY("discovery-service");

    private final String moduleName;

    Service(String moduleName) {
        this.moduleName = moduleName;
    }

    /** The Maven module and Kubernetes Service name, e.g. {@code token-service}. */
    public String moduleName() {
        return moduleName;
    }
}
