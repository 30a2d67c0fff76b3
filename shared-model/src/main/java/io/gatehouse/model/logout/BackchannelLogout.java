package io.gatehouse.model.logout;

import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.crypto.RandomTokens;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.LogoutDeliveryEntity;
import io.gatehouse.model.keys.TokenSigner;
import io.gatehouse.model.repository.ClientRepository;
import io.gatehouse.model.repository.LogoutDeliveryRepository;
import io.gatehouse.model.subject.SubjectIdentifiers;
import io.gatehouse.model.token.IdTokenIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;

/**
 * Queues back-channel logout notices (Back-Channel Logout 1.0 section 2.5) for every relying party of a session
 * that registered a {@code backchannel_logout_uri}. Queuing is part of the caller's transaction: the session
 * ends and the notices exist together, or neither. {@link BackchannelDeliveryWorker} sends them, each attempt
 * with a freshly signed {@link #logoutToken}.
 */
@ApplicationScoped
public class BackchannelLogout {

    /** JOSE header typ of logout tokens (Back-Channel Logout 1.0 section 2.4). */
    public static final String TYP = "logout+jwt";

    @Inject
    TokenSigner signer;
    @Inject
    GatehouseConfig config;
    @Inject
    LogoutConfig logout;
    @Inject
    ClientRepository clients;
    @Inject
    LogoutDeliveryRepository deliveries;
    @Inject
    SubjectIdentifiers subjects;

    /**
     * Queues one logout token per client in {@code clientIds} that registered a back-channel logout URI.
     * {@code sub} is the user's subject; {@code sid} the session id (sent when the client asked for it, and
     * always here since Gatehouse supports sid). Returns how many notices were queued.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public int enqueue(String sub, String sid, Collection<String> clientIds) {
        int queued = 0;
        for (String clientId : clientIds) {
            ClientEntity client = clients.findById(clientId);
            if (client == null || client.metadata == null || !(client.metadata.get("backchannel_logout_uri") instanceof String uri)) {
                continue;
            }
            LogoutDeliveryEntity delivery = new LogoutDeliveryEntity();
            delivery.clientId = clientId;
            delivery.sid = sid;
            delivery.sub = sub == null ? null : subjects.subjectFor(client, sub); // the sub of its ID tokens
            delivery.logoutUri = uri;
            delivery.jti = RandomTokens.randomBytes(16);
            deliveries.persist(delivery);
            queued++;
        }
        return queued;
    }

    /**
     * The logout token of one delivery attempt (Back-Channel Logout 1.0 section 2.4), signed now so that a retry
     * late in the backoff is not sent expired (issue 16.12); every attempt of one notice carries the same jti.
     */
    public String logoutToken(LogoutDeliveryEntity delivery, ClientEntity client) {
        Instant now = Instant.now();
        LogoutTokenClaims claims = new LogoutTokenClaims(config.issuer(), delivery.clientId, now,
                now.plus(logout.logoutTokenLifetime()), delivery.jti, delivery.sub, delivery.sid);
        return signer.sign(claims.toMap(), TYP, IdTokenIssuer.algorithmFor(client));
    }
}
