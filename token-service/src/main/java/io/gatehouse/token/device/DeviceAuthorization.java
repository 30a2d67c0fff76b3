package io.gatehouse.token.device;

import io.gatehouse.model.client.AuthenticatedClient;
import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.crypto.RandomTokens;
import io.gatehouse.model.crypto.Sha256;
import io.gatehouse.model.device.UserCode;
import io.gatehouse.model.discovery.Endpoint;
import io.gatehouse.model.entity.DeviceCodeEntity;
import io.gatehouse.model.error.OAuthError;
import io.gatehouse.token.grant.DeviceCodeGrant;
import io.gatehouse.token.grant.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The device authorization endpoint's work (RFC 8628 3.1, 3.2): a client registered for the device_code grant asks
 * for scopes within its registered ones and gets a device code (random 256-bit, stored as its SHA-256), a user code
 * ({@link UserCode}, unique among live and recent codes) and the verification URI of authorize-service's device page.
 * The row starts pending; authorize-service approves or denies it; {@link DeviceCodeGrant} answers the polls.
 */
@ApplicationScoped
public class DeviceAuthorization {

    /** A fresh user code collides with a stored one about once in 10^7 requests at 2,500 live codes: retry a few times. */
    private static final int USER_CODE_ATTEMPTS = 5;

    @Inject
    EntityManager em;
    @Inject
    DeviceConfig config;
    @Inject
    GatehouseConfig gatehouse;

    @Transactional
    public DeviceAuthorizationResponse start(AuthenticatedClient client, String requestedScope) {
        if (!client.allowsGrantType(DeviceCodeGrant.TYPE)) {
            throw OAuthError.unauthorizedClient("the client is not registered for the device_code grant").toException(); // RFC 8628 3.2
        }
        Scope scope = Scope.parse(requestedScope);
        if (scope.tokens().isEmpty()) {
            throw OAuthError.invalidScope("scope is required").toException(); // RFC 6749 3.3: no default scope
        }
        if (!scope.within(Scope.parse(client.client().scope))) {
            throw OAuthError.invalidScope("scope not allowed for this client").toException();
        }
        String deviceCode = RandomTokens.random256();
        long lifetime = config.codeLifetime().toSeconds();
        long interval = Math.max(1, config.interval().toSeconds());
        for (int i = 0; i < USER_CODE_ATTEMPTS; i++) {
            String userCode = UserCode.generate();
            int inserted = em.createNativeQuery("insert into device_codes (device_code_hash, user_code, client_id, scope, status, "
                            + "interval_seconds, created_at, expires_at) values (?1, ?2, ?3, ?4, ?5, ?6, now(), "
                            + "now() + make_interval(secs => ?7)) on conflict do nothing")
                    .setParameter(1, Sha256.hash(deviceCode)).setParameter(2, userCode).setParameter(3, client.clientId())
                    .setParameter(4, scope.toString()).setParameter(5, DeviceCodeEntity.PENDING).setParameter(6, (int) interval)
                    .setParameter(7, (double) lifetime).executeUpdate();
            if (inserted == 1) {
                String verificationUri = gatehouse.urls().authorize() + Endpoint.DEVICE_PAGE.path();
                String shown = UserCode.display(userCode);
                return new DeviceAuthorizationResponse(deviceCode, shown, verificationUri,
                        verificationUri + "?user_code=" + URLEncoder.encode(shown, StandardCharsets.UTF_8), lifetime, interval);
            }
        }
        throw OAuthError.temporarilyUnavailable("no free user code; try again").toException();
    }
}
