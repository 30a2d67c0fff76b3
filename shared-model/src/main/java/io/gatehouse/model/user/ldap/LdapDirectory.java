package io.gatehouse.model.user.ldap;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.GetEntryLDAPConnectionPoolHealthCheck;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.OperationType;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import javax.net.ssl.TrustManager;

/**
 * The connection pool to the directory: servers tried in order ({@link FailoverServerSet}), LDAPS or StartTLS with
 * host name verification, connect and response timeouts on every connection, pooled connections bound as the
 * service account and checked (root DSE read) on creation and in the background, dead ones replaced. Created
 * without connecting, so a service starts while its directory is down and recovers on its own when it returns.
 */
public final class LdapDirectory implements AutoCloseable {

    private final LDAPConnectionPool pool;

    public LdapDirectory(LdapConfig config) {
        List<String> urls = config.urls().filter(u -> !u.isEmpty())
                .orElseThrow(() -> new IllegalStateException("gatehouse.ldap.urls is required with gatehouse.users.store=ldap"));
        long responseTimeout = config.responseTimeout().toMillis();
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis((int) config.connectTimeout().toMillis());
        options.setResponseTimeoutMillis(responseTimeout);
        options.setAbandonOnTimeout(true);
        options.setUseSynchronousMode(false);
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        try {
            SSLUtil ssl = new SSLUtil(trustManager(config));
            List<ServerSet> servers = new ArrayList<>();
            for (String url : urls) {
                LDAPURL u = new LDAPURL(url.trim());
                boolean ldaps = "ldaps".equalsIgnoreCase(u.getScheme());
                servers.add(ldaps
                        ? new SingleServerSet(u.getHost(), u.getPort(), ssl.createSSLSocketFactory(), options)
                        : new SingleServerSet(u.getHost(), u.getPort(), options));
            }
            ServerSet set = servers.size() == 1 ? servers.get(0) : new FailoverServerSet(servers);
            PostConnectProcessor startTls = config.startTls()
                    ? new StartTLSPostConnectProcessor(ssl.createSSLContext()) : null;
            BindRequest serviceBind = config.bindDn().map(dn -> (BindRequest) new SimpleBindRequest(dn,
                    config.bindPassword().orElse(""))).orElse(null);
            GetEntryLDAPConnectionPoolHealthCheck health = new GetEntryLDAPConnectionPoolHealthCheck(
                    "", responseTimeout, true, false, false, false, true, true);
            pool = new LDAPConnectionPool(set, serviceBind, 0, Math.max(1, config.poolSize()), 1, startTls, false, health);
            pool.setConnectionPoolName("gatehouse-ldap");
            pool.setMaxWaitTimeMillis(config.connectTimeout().toMillis());
            pool.setHealthCheckIntervalMillis(config.healthCheckInterval().toMillis());
            pool.setRetryFailedOperationsDueToInvalidConnections(EnumSet.of(OperationType.SEARCH, OperationType.BIND));
            pool.setCreateIfNecessary(true);
        } catch (LDAPException | GeneralSecurityException e) {
            throw new IllegalStateException("gatehouse.ldap: cannot set up the directory connection: " + e.getMessage(), e);
        }
    }

    private static TrustManager trustManager(LdapConfig config) {
        return config.trustStore().<TrustManager>map(path -> new TrustStoreTrustManager(path,
                        config.trustStorePassword().map(String::toCharArray).orElse(null), null, true))
                .orElse(JVMDefaultTrustManager.getInstance());
    }

    public LDAPConnectionPool pool() {
        return pool;
    }

    /** Whether the directory answers now (a root DSE read as the service account, bounded by the timeouts). */
    public boolean reachable() {
        try {
            RootDSE dse = pool.getRootDSE();
            return dse != null;
        } catch (LDAPException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
