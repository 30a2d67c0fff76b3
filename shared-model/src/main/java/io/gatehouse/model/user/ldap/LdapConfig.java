package io.gatehouse.model.user.ldap;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The LDAP user store ({@code gatehouse.ldap.*}, used when {@code gatehouse.users.store=ldap}); docs/ldap.md. */
@ConfigMapping(prefix = "gatehouse.ldap")
public interface LdapConfig {

    /**
     * Directory servers, tried in order ({@code FailoverServerSet}): {@code ldap://host:389} or {@code ldaps://host:636},
     * comma-separated. Required with the LDAP store.
     */
    Optional<List<String>> urls();

    /** DN of the service account that searches for users; anonymous search when absent. */
    Optional<String> bindDn();

    /** Password of the service account. */
    Optional<String> bindPassword();

    /** Base DN under which users are searched (whole subtree). Required with the LDAP store. */
    Optional<String> userBaseDn();

    /**
     * Search filter; {@code {username}} is replaced by the typed username escaped per RFC 4515. Default
     * {@code (&(objectClass=inetOrgPerson)(uid={username}))}; for Active Directory e.g.
     * {@code (&(objectClass=user)(sAMAccountName={username}))}.
     */
    @WithDefault("(&(objectClass=inetOrgPerson)(uid={username}))")
    String userFilter();

    /** Attribute holding the user's stable id, which becomes {@code sub}: never the DN. Default entryUUID (AD: objectGUID). */
    @WithDefault("entryUUID")
    String subjectAttribute();

    /** Upgrade {@code ldap://} connections with StartTLS (RFC 4511 4.14). Default false. */
    @WithDefault("false")
    boolean startTls();

    /** Trust store (PKCS12 or JKS) for LDAPS and StartTLS; the JVM's CAs when absent. */
    Optional<String> trustStore();

    /** Password of the trust store, if it has one. */
    Optional<String> trustStorePassword();

    /** Connections kept to the directory per service replica. Default 4. */
    @WithDefault("4")
    int poolSize();

    /** Bound of establishing a connection (and of waiting for a free pooled one). Default 3 s. */
    @WithDefault("3s")
    Duration connectTimeout();

    /** Bound of every LDAP operation (search, bind). Default 5 s. */
    @WithDefault("5s")
    Duration responseTimeout();

    /** How often idle pooled connections are checked (root DSE read) and dead ones replaced. Default 30 s. */
    @WithDefault("30s")
    Duration healthCheckInterval();
}
