package io.gatehouse.model.crypto;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import io.quarkus.runtime.Startup;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.Security;
import org.jboss.logging.Logger;

/**
 * Chooses the JCA provider for signatures. Signing is the floor of token issuance: on one core the JDK signs
 * RS256 at about 850/s and ES256 at about 1,500/s; Amazon Corretto Crypto Provider (native, from Maven Central)
 * about 1,500/s and 51,000/s. It is installed at the highest priority when it loads, and the JDK's providers
 * serve when it cannot (another OS or CPU) or when {@code gatehouse.crypto.provider=jdk}.
 */
@Startup
@ApplicationScoped
public class CryptoProvider {

    private static final Logger LOG = Logger.getLogger(CryptoProvider.class);

    @ConfigMapping(prefix = "gatehouse.crypto")
    public interface Config {
        /** {@code native} (Amazon Corretto Crypto Provider, falling back to the JDK) or {@code jdk}. Default native. */
        @WithDefault("native")
        String provider();
    }

    @Inject
    Config config;

    private volatile String active = "JDK";

    @PostConstruct
    void install() {
        active = installNative(!"jdk".equalsIgnoreCase(config.provider()));
        LOG.infof("signature provider: %s", active);
    }

    /** The provider in use: AmazonCorrettoCryptoProvider or JDK. */
    public String active() {
        return active;
    }

    /** Installs the native provider when wanted and loadable; returns the name of the provider in use. */
    public static synchronized String installNative(boolean wanted) {
        if (!wanted) {
            return "JDK";
        }
        try {
            if (Security.getProvider(AmazonCorrettoCryptoProvider.PROVIDER_NAME) == null) {
                if (AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError() != null) {
                    LOG.warnf("native crypto provider unavailable (%s): using the JDK's",
                            AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError().toString());
                    return "JDK";
                }
                AmazonCorrettoCryptoProvider.install();
            }
            return AmazonCorrettoCryptoProvider.PROVIDER_NAME;
        } catch (Throwable e) {
            LOG.warnf("native crypto provider failed to load (%s): using the JDK's", e.toString());
            return "JDK";
        }
    }
}
